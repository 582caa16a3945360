package budgetledger.exchange.lineimport;

import budgetledger.model.text.CsvCells;
import budgetledger.projections.BudgetLineRow;
import budgetledger.projections.BudgetRow;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static budgetledger.exchange.lineimport.LineItemColumns.*;

/**
 * The line-item file to fill in: sheets 预算行, 追加追减, 调剂, each with its header row and a sample row (codes
 * as text so that Excel keeps them, amounts as numbers with two decimals); or, filled, the budget's current lines,
 * one row each, which imported into a budget with the same units give the same tables. CSV holds 预算行 only.
 */
public final class LineItemTemplate {

    private LineItemTemplate() {
    }

    /** The rows of 预算行: a sample, or every line of the budget with its current amount. */
    static List<List<Object>> lineRows(BudgetRow budget, List<BudgetLineRow> lines, boolean filled) {
        List<List<Object>> rows = new ArrayList<>();
        if (!filled) {
            // a budget opened without units still shows the shape of a unit code: its department's first
            String unit = budget.units().isEmpty() ? budget.departmentCode() + "001" : budget.units().get(0).code();
            rows.add(List.of("1", unit, "2010301", "基本支出-公用经费", "30201", "50201", "一般公共预算", "当年", "",
                    new BigDecimal("12000.00"), "某财预〔" + budget.fiscalYear() + "〕1号", "年初预算"));
            return rows;
        }
        int no = 1;
        for (BudgetLineRow line : lines) {
            List<Object> row = new ArrayList<>();
            row.add(Integer.toString(no++));
            row.add(line.unitCode());
            row.add(line.functionalCode());
            row.add(line.kind().label());
            row.add(line.deptEconomicCode() == null ? "" : line.deptEconomicCode());
            row.add(line.govEconomicCode() == null ? "" : line.govEconomicCode());
            row.add(line.fundingSource().label());
            row.add(line.origin().label());
            row.add(line.project() == null ? "" : line.project());
            row.add(BigDecimal.valueOf(line.amountFen(), 2));
            row.add("导出自 " + budget.budgetId());
            row.add("年初预算（" + line.lineId() + "）");
            rows.add(row);
        }
        return rows;
    }

    public static byte[] xlsx(BudgetRow budget, List<BudgetLineRow> lines, boolean filled) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            for (String name : SHEET_ORDER) {
                Sheet sheet = workbook.createSheet(name);
                List<String> columns = SHEETS.get(name);
                Row head = sheet.createRow(0);
                for (int c = 0; c < columns.size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(columns.get(c));
                    cell.setCellStyle(header);
                    sheet.setColumnWidth(c, (columns.get(c).equals(PROJECT) || columns.get(c).equals(REASON) ? 30 : 16) * 256);
                    sheet.setDefaultColumnStyle(c, columns.get(c).equals(AMOUNT) ? amount : text);
                }
                sheet.createFreezePane(0, 1);
                List<List<Object>> rows = switch (name) {
                    case LINES -> lineRows(budget, lines, filled);
                    case ADJUSTMENTS -> filled ? List.of() : List.of(List.of("1", new BigDecimal("-500.00"),
                            "某财预〔" + budget.fiscalYear() + "〕15号", "压减一般性支出"));
                    // The sample transfer moves money from the sample line to the budget's line L1.
                    default -> filled ? List.of() : List.of(List.of("1", "L1", new BigDecimal("100.00"),
                            "某财预〔" + budget.fiscalYear() + "〕16号", "调剂用于办公设备维修"));
                };
                int r = 1;
                for (List<Object> values : rows) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Cell cell = row.createCell(c);
                        if (values.get(c) instanceof BigDecimal number) {
                            // A numeric cell is a double: exact for 元 with two decimals below 10^13.
                            cell.setCellValue(number.doubleValue());
                            cell.setCellStyle(amount);
                        } else {
                            cell.setCellValue((String) values.get(c));
                            cell.setCellStyle(text);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory failed", e);
        }
    }

    public static String csv(BudgetRow budget, List<BudgetLineRow> lines, boolean filled) {
        StringBuilder out = new StringBuilder();
        appendLine(out, new ArrayList<>(SHEETS.get(LINES)));
        for (List<Object> row : lineRows(budget, lines, filled)) {
            List<String> cells = new ArrayList<>();
            for (Object value : row) {
                cells.add(value instanceof BigDecimal number ? number.toPlainString() : (String) value);
            }
            appendLine(out, cells);
        }
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(CsvCells.field(cells.get(i)));
        }
        out.append("\r\n");
    }
}
