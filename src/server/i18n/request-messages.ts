/** Messages for requests the HTTP layer cannot even parse. */
export const requestMessages = {
  'zh-CN': {
    'request.invalid_json': '请求体不是有效的 JSON：{reason}。请检查括号、引号和逗号。',
    'request.empty_json': '请求声明了 JSON 内容，但请求体为空。请发送 JSON 对象，或去掉 Content-Type 头。',
    'request.multipart_expected': '请以 multipart/form-data 上传文件（表单字段名为 file）。',
    'request.send_json': '请以 application/json 发送 JSON 对象。',
    'request.upload_spreadsheet': '请上传 .xlsx 或 .csv 文件。',
    'request.one_file_only': '每次只能上传一个文件（表单字段 file），不要附带其他字段。',
    'request.body_not_allowed': '此接口不接受请求体，请去掉请求体后重试。',
    'request.duplicate': '同样的数据刚刚已被另一个请求保存（可能是重复提交）。请刷新后检查。',
    'request.unreadable': '请求的格式无法读取。请检查请求头 Content-Type 与请求体是否一致后重试。',
    'request.parser_said': '解析器提示：{text}',
    'request.upload_incomplete': '上传的文件不完整（连接可能中断了）。请重新上传。',
  },
  en: {
    'request.invalid_json': 'The request body is not valid JSON: {reason}. Check brackets, quotes and commas.',
    'request.empty_json': 'The request declares JSON content but its body is empty. Send a JSON object, or drop the Content-Type header.',
    'request.multipart_expected': 'Upload the file as multipart/form-data (form field "file").',
    'request.send_json': 'Send a JSON object as application/json.',
    'request.upload_spreadsheet': 'Upload an .xlsx or .csv file.',
    'request.one_file_only': 'Upload one file per request (form field "file") and no other fields.',
    'request.body_not_allowed': 'This route takes no request body; send the request without one.',
    'request.duplicate': 'The same data was just saved by another request (a double submit, perhaps). Reload and check.',
    'request.unreadable': 'The request could not be read. Check that the Content-Type header matches the body, then try again.',
    'request.parser_said': 'The parser said: {text}',
    'request.upload_incomplete': 'The uploaded file arrived incomplete (the connection may have dropped). Upload it again.',
  },
} as const;
