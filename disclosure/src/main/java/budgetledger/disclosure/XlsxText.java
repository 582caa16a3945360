package budgetledger.disclosure;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A department's published workbook (XLSX: one sheet per table, laid out as printed) in the text form the parser
 * reads: each sheet's rows in order, cells separated by TAB, a blank line between sheets. A cell reads as the
 * workbook shows it (its number format: 0.00, #,##0.00), a formula cell as its stored result, a merged cell where
 * its region starts; a closing line after the last sheet. Only the tables are in a workbook: a narrative is not, so its checks find nothing to check.
 */
public final class XlsxText {

    /** The first bytes of every XLSX (a ZIP archive). */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** Far above any disclosure workbook; far below what would exhaust memory. */
    private static final int MAX_CELLS = 2_000_000;

    private XlsxText() {
    }

    /**
     * A row that is a line of text, not of a table (a title, a note): only its first cell is filled, and that cell
     * spans the row (a merged title) or is the row's only cell. A table row keeps its blank cells (五、事业收入 with
     * nothing beside it is still a row).
     */
    private static boolean isText(Sheet sheet, Row row, List<String> values) {
        if (values.get(0).isEmpty() || values.stream().skip(1).anyMatch(v -> !v.isEmpty())) {
            return false;
        }
        if (row.getLastCellNum() <= 1) {
            return true;
        }
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            if (merged.isInRange(row.getRowNum(), 0) && merged.getFirstColumn() == 0
                    && merged.getLastColumn() >= row.getLastCellNum() - 2) {
                return true;
            }
        }
        return false;
    }

    public static boolean isXlsx(byte[] bytes) {
        if (bytes == null || bytes.length < ZIP.length) {
            return false;
        }
        for (int i = 0; i < ZIP.length; i++) {
            if (bytes[i] != ZIP[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws DisclosureParseException when the bytes are no workbook POI can open, or one too large to be a
     *                                  disclosure
     */
    public static String extract(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            formatter.setUseCachedValuesForFormulaCells(true);
            StringBuilder text = new StringBuilder();
            int cells = 0;
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    List<String> values = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : formatter.formatCellValue(cell).replace('\t', ' ')
                                .replace('\n', ' ').replace('\r', ' ').strip());
                        if (++cells > MAX_CELLS) {
                            throw new DisclosureParseException(List.of(new ParseProblem(1, "",
                                    "工作簿超过 " + MAX_CELLS + " 个单元格")));
                        }
                    }
                    boolean blank = values.stream().allMatch(String::isEmpty);
                    text.append(blank ? "" : isText(sheet, row, values) ? values.get(0) : String.join("\t", values))
                            .append('\n');
                }
                text.append('\n');
            }
            // A workbook that opened is whole (a cut-off ZIP does not open): its last table ends with it, which a
            // text or PDF shows by the prose after the tables.
            text.append("（工作簿结束：共 ").append(workbook.getNumberOfSheets()).append(" 个工作表）\n");
            return text.toString();
        } catch (IOException | RuntimeException e) {
            if (e instanceof DisclosureParseException parse) {
                throw parse;
            }
            throw new DisclosureParseException(List.of(new ParseProblem(1, "",
                    "工作簿无法读取（" + e.getClass().getSimpleName() + "）：应为 XLSX 格式的部门预算公开表")));
        }
    }
}
