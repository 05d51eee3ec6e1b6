/**
 * Messages of the file readers (src/server/files), the same for every import that reads a CSV or
 * XLSX file: what a file that is no table is (`file_kind.*`, the `kind` of an `unsupported`
 * SpreadsheetError, rendered by the `{kind}` placeholder), the limits a table must keep
 * (`file.*`, located at the cell), and the "and N more" of a refused import's message. The CLI
 * reads the kinds from here too.
 */
export const fileMessages = {
  'zh-CN': {
    'file_kind.xls': 'Excel 97-2003 工作簿（.xls），Kedu 读不了这种旧格式',
    'file_kind.binary': '二进制文件',
    'file_kind.not_excel': '名为 Excel 文件、内容却不是 Excel 工作簿的文件',
    'file_kind.zip_not_workbook': 'zip 压缩包，但不是 Excel 工作簿',
    'file_kind.damaged_workbook': '已损坏的 Excel 工作簿',
    'request.not_a_spreadsheet': '它不是表格文件（{kind}）：请上传 .xlsx 或 .csv 文件（旧的 .xls 请在 Excel 中另存为 .xlsx）。',
    'file.cell_too_long': '第 {row} 行 {column} 列的单元格超过 {max} 个字符（Excel 单元格的上限）：请检查这个单元格，或它前面是否有没闭合的引号。',
    'file.too_many_columns': '第 {row} 行有内容的列超过 {max} 列（{column} 列是多出的第一列）：表格最多 {max} 列。请检查分隔符是否正确，或删除多余的列。',
    'file.shared_strings_too_large': '工作簿的共享文本表（xl/sharedStrings.xml）超出了工作表能用到的范围（最多 {max} 条文本，或文字总量过大）：文件可能已损坏或被改动过。请在 Excel 中打开后另存为 .xlsx 或 CSV 再导入。',
    'import_failed.more': '（下面列出前 {listed} 处，另有 {more} 处未列出）',
  },
  en: {
    'file_kind.xls': 'an Excel 97-2003 workbook (.xls), an old format Kedu does not read',
    'file_kind.binary': 'a binary file',
    'file_kind.not_excel': 'named as an Excel file but not an Excel workbook',
    'file_kind.zip_not_workbook': 'a zip, not an Excel workbook',
    'file_kind.damaged_workbook': 'a damaged Excel workbook',
    'request.not_a_spreadsheet': 'It is {kind}: upload an .xlsx or .csv file (save an old .xls as .xlsx in Excel).',
    'file.cell_too_long': 'The cell in row {row}, column {column} is longer than {max} characters (the most an Excel cell holds): check that cell, or a quote left open before it.',
    'file.too_many_columns': 'Row {row} has more than {max} columns holding something (column {column} is the first one too many): a table has at most {max} columns. Check the delimiter, or delete the extra columns.',
    'file.shared_strings_too_large': "The workbook's shared text table (xl/sharedStrings.xml) holds more than its sheets can use (at most {max} texts, or too much text in all): the file may be damaged or altered. Open it in Excel and save it again as .xlsx or CSV, then import that.",
    'import_failed.more': ' (the first {listed} are listed, and {more} more)',
  },
} as const;
