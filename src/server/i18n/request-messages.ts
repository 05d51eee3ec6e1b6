/** Messages for requests the HTTP layer cannot even parse. */
export const requestMessages = {
  'zh-CN': {
    'request.invalid_json': '请求体不是有效的 JSON：{reason}。请检查括号、引号和逗号。',
    'request.empty_json': '请求声明了 JSON 内容，但请求体为空。请发送 JSON 对象，或去掉 Content-Type 头。',
    'request.multipart_expected': '请以 multipart/form-data 上传文件（表单字段名为 file）。',
  },
  en: {
    'request.invalid_json': 'The request body is not valid JSON: {reason}. Check brackets, quotes and commas.',
    'request.empty_json': 'The request declares JSON content but its body is empty. Send a JSON object, or drop the Content-Type header.',
    'request.multipart_expected': 'Upload the file as multipart/form-data (form field "file").',
  },
} as const;
