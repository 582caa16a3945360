package budgetledger.disclosure.tables;

import budgetledger.disclosure.TableLayout;
import budgetledger.disclosure.Template;
import budgetledger.model.table.DisclosureTable;
import budgetledger.model.table.TableRow;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * Disclosure tables as an Excel workbook (XLSX), one sheet per table named 表N, laid out as published: the title
 * with its year (2026年预算支出总表) over the full width, 部门名称 and 单位：万元, two header rows with merged group
 * cells ({@link PublishedLayout}), frozen under the headers; then the rows, amounts as numeric cells with the
 * format 0.00 and blank where the table is blank; 注：本表无数据 under an empty table.
 */
public final class TableXlsx {

    /** The number format of every amount cell: 万元 with two decimals. */
    public static final String AMOUNT_FORMAT = "0.00";
    /** Rows above the data: title, 部门名称 / 单位, two header rows. */
    public static final int HEADER_ROWS = 4;

    private TableXlsx() {
    }

    /** A workbook holding {@code tables} of the template their numbers and titles name, each on its own sheet. */
    public static byte[] write(List<DisclosureTable> tables, int fiscalYear, String departmentName) {
        return write(tables.isEmpty() ? Template.seed() : Template.forTable(tables.get(0).number(),
                tables.get(0).title()), tables, fiscalYear, departmentName);
    }

    /** A workbook holding {@code tables} of {@code template}, each on its own sheet, as that template prints it. */
    public static byte[] write(Template template, List<DisclosureTable> tables, int fiscalYear,
                               String departmentName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            for (DisclosureTable table : tables) {
                writeSheet(workbook.createSheet("表" + table.number()), template, table, fiscalYear, departmentName,
                        styles);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory failed", e);
        }
    }

    private static void writeSheet(Sheet sheet, Template template, DisclosureTable table, int fiscalYear,
                                   String departmentName, Styles styles) {
        TableLayout tableLayout = template.table(table.number());
        PublishedLayout layout = PublishedLayout.of(tableLayout, fiscalYear);
        int width = layout.width();
        int last = width - 1;

        Row titleRow = sheet.createRow(0);
        titleRow.setHeightInPoints(28);
        text(titleRow, 0, fiscalYear + "年" + table.title(), styles.title);
        merge(sheet, 0, 0, 0, last);

        Row unitRow = sheet.createRow(1);
        text(unitRow, 0, template.departmentLabels().get(0) + "：" + departmentName, styles.plain);
        if (last >= 2) {
            merge(sheet, 1, 1, 0, last - 1);
        }
        text(unitRow, last, "单位：" + tableLayout.unit(), styles.right);

        Row upper = sheet.createRow(2);
        Row lower = sheet.createRow(3);
        List<String> upperCells = layout.upperHeader();
        List<String> lowerCells = layout.lowerHeader();
        for (int c = 0; c < width; c++) {
            text(upper, c, upperCells.get(c), styles.header);
            text(lower, c, lowerCells.get(c), styles.header);
            if (layout.groupOf(c) == null) {
                merge(sheet, 2, 3, c, c);
            }
        }
        for (PublishedLayout.Group group : layout.groups()) {
            if (group.last() > group.first()) {
                merge(sheet, 2, 2, group.first(), group.last());
            }
        }

        int r = HEADER_ROWS;
        for (TableRow row : DisclosureText.printedRows(tableLayout, table)) {
            Row sheetRow = sheet.createRow(r++);
            List<Object> cells = layout.cells(row);
            for (int c = 0; c < width; c++) {
                Object value = cells.get(c);
                if (layout.isAmount(c, table)) {
                    Cell cell = sheetRow.createCell(c);
                    cell.setCellStyle(styles.amount);
                    if (value != null) {
                        // The only place money leaves BigDecimal: a numeric cell of Excel is a double. The values
                        // are 万元 with two decimals (at most 15 significant digits for any budget), which a double
                        // holds closely enough that Excel shows, sums and re-reads them exactly at 0.00.
                        cell.setCellValue(((BigDecimal) value).setScale(2).doubleValue());
                    }
                } else {
                    text(sheetRow, c, (String) value, styles.label(row.level(), isName(layout, c)));
                }
            }
        }
        if (table.holdsNoAmount()) {
            text(sheet.createRow(r), 0, "注：本表无数据", styles.plain);
        }

        sheet.createFreezePane(0, HEADER_ROWS);
        for (int c = 0; c < width; c++) {
            String word = layout.words().get(c);
            boolean wide = !layout.isAmount(c, table) && !word.contains("编码");
            sheet.setColumnWidth(c, (wide ? 36 : 14) * 256);
        }
    }

    /** Name columns are indented by level; code columns are not. */
    private static boolean isName(PublishedLayout layout, int column) {
        return !layout.words().get(column).contains("编码");
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void merge(Sheet sheet, int firstRow, int lastRow, int firstColumn, int lastColumn) {
        if (firstRow != lastRow || firstColumn != lastColumn) {
            sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
        }
    }

    /** The styles of one workbook (a workbook holds at most 64 000 styles: create them once, not per cell). */
    private static final class Styles {
        final CellStyle title;
        final CellStyle plain;
        final CellStyle right;
        final CellStyle header;
        final CellStyle amount;
        final CellStyle[] labels = new CellStyle[4];
        final CellStyle code;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 16);

            title = workbook.createCellStyle();
            title.setFont(large);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            plain = workbook.createCellStyle();
            right = workbook.createCellStyle();
            right.setAlignment(HorizontalAlignment.RIGHT);
            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setWrapText(true);
            amount = bordered(workbook);
            amount.setDataFormat(workbook.createDataFormat().getFormat(AMOUNT_FORMAT));
            for (int level = 0; level < labels.length; level++) {
                labels[level] = bordered(workbook);
                labels[level].setIndention((short) Math.max(0, level - 1));
                if (level == 0) {
                    labels[level].setFont(bold);
                }
            }
            code = bordered(workbook);
        }

        CellStyle label(int level, boolean indented) {
            return indented ? labels[Math.min(level, labels.length - 1)] : code;
        }

        private static CellStyle bordered(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            return style;
        }
    }
}
