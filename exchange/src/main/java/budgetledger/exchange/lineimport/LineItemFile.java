package budgetledger.exchange.lineimport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cells of a line-item file, sheet by sheet: an XLSX workbook (its sheets 预算行, 追加追减, 调剂) or a CSV file
 * (the 预算行 sheet alone). The first row of a sheet is its header; blank rows are skipped. A cell is text, a
 * number (a numeric cell of the workbook) or null when blank.
 */
final class LineItemFile {

    /** Rows a sheet may hold: more is no budget's line list and is refused. */
    static final int MAX_ROWS = 20_000;

    record Rows(String sheet, List<String> header, List<RawRow> rows) {
    }

    /** A row with its number as Excel shows it (the header is row 1). */
    record RawRow(int number, List<Object> cells) {
    }

    private LineItemFile() {
    }

    static boolean isWorkbook(byte[] bytes) {
        // XLSX is a zip: it starts with PK\3\4.
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static Map<String, Rows> read(byte[] bytes) {
        return isWorkbook(bytes) ? readWorkbook(bytes) : readCsv(bytes);
    }

    private static Map<String, Rows> readWorkbook(byte[] bytes) {
        Map<String, Rows> sheets = new LinkedHashMap<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                String name = sheet.getSheetName().strip();
                if (!LineItemColumns.SHEETS.containsKey(name)) {
                    continue;
                }
                if (sheet.getLastRowNum() > MAX_ROWS) {
                    throw rejected(name, "工作表超过 " + MAX_ROWS + " 行");
                }
                List<String> header = null;
                List<RawRow> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<Object> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(value(row.getCell(c), formatter));
                    }
                    if (cells.stream().allMatch(cell -> cell == null)) {
                        continue;
                    }
                    if (header == null) {
                        header = cells.stream().map(cell -> cell == null ? "" : cell.toString().strip()).toList();
                    } else {
                        rows.add(new RawRow(row.getRowNum() + 1, cells));
                    }
                }
                sheets.put(name, new Rows(name, header == null ? List.of() : header, rows));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LineImportRejectedException rejected) {
                throw rejected;
            }
            throw new LineImportRejectedException("unreadable-file", "文件无法作为 XLSX 工作簿读取",
                    List.of(LineItemProblem.of("", 0, -1, null, "文件无法作为 XLSX 工作簿读取：" + e.getMessage())));
        }
        return sheets;
    }

    /** A cell's value: numbers as BigDecimal (exactly as Excel shows them), text stripped, blank as null. */
    private static Object value(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            // Double.toString gives the shortest decimal that is this double: the number as typed (1289300.5).
            return new BigDecimal(Double.toString(cell.getNumericCellValue()));
        }
        if (type == CellType.BLANK) {
            return null;
        }
        String text = formatter.formatCellValue(cell).strip();
        return text.isEmpty() ? null : text;
    }

    private static Map<String, Rows> readCsv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw rejected(LineItemColumns.LINES, "CSV 文件不是 UTF-8 编码（Excel 另存为“CSV UTF-8”）");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = parseCsv(text);
        if (records.size() > MAX_ROWS) {
            throw rejected(LineItemColumns.LINES, "文件超过 " + MAX_ROWS + " 行");
        }
        List<String> header = null;
        List<RawRow> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<Object> cells = new ArrayList<>();
            for (String cell : records.get(i)) {
                cells.add(cell.isBlank() ? null : cell.strip());
            }
            if (cells.stream().allMatch(cell -> cell == null)) {
                continue;
            }
            if (header == null) {
                header = cells.stream().map(cell -> cell == null ? "" : cell.toString()).toList();
            } else {
                rows.add(new RawRow(i + 1, cells));
            }
        }
        Map<String, Rows> sheets = new LinkedHashMap<>();
        sheets.put(LineItemColumns.LINES, new Rows(LineItemColumns.LINES, header == null ? List.of() : header, rows));
        return sheets;
    }

    /** RFC 4180: fields separated by commas, quoted when they hold commas, quotes or line breaks. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    private static LineImportRejectedException rejected(String sheet, String message) {
        return new LineImportRejectedException("unreadable-file", message,
                List.of(LineItemProblem.of(sheet, 0, -1, null, message)));
    }
}
