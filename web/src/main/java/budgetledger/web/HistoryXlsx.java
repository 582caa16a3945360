package budgetledger.web;

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
import java.util.List;

/**
 * A budget's history as an Excel workbook, for an auditor's working papers: one row per line a change touched (a
 * change of no line, such as the opening, gets one row), with its time in the console's zone, who recorded it, its
 * 文号 and reason, and the line's balance before and after in 万元. Text cells that start like a formula are written
 * as text by POI (a string cell is never evaluated).
 */
final class HistoryXlsx {

    static final List<String> HEADER = List.of("序号", "时间", "类型", "摘要", "预算行", "变动前（万元）", "增减（万元）",
            "变动后（万元）", "操作人", "来源", "文号", "原因", "冲销情况");
    /** 万元 with the decimals an amount of whole 分 may need. */
    static final String WAN_FORMAT = "#,##0.00####";

    private HistoryXlsx() {
    }

    static byte[] write(BudgetRow budget, List<AuditPages.TimelineEntry> entries, String zone) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("变更历史");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle amount = workbook.createCellStyle();
            amount.setDataFormat(workbook.createDataFormat().getFormat(WAN_FORMAT));

            text(sheet.createRow(0), 0, budget.departmentName() + " " + budget.fiscalYear() + "年部门预算 变更历史（"
                    + budget.budgetId() + "，时间为" + zone + "）", header);
            Row head = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                text(head, c, HEADER.get(c), header);
            }
            int r = 2;
            for (AuditPages.TimelineEntry e : entries) {
                List<AuditPages.LineRow> rows = e.changes().isEmpty() ? java.util.Collections.singletonList(null)
                        : e.changes();
                for (AuditPages.LineRow line : rows) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(e.sequence());
                    text(row, 1, e.time(), null);
                    text(row, 2, e.typeLabel(), null);
                    text(row, 3, e.summary(), null);
                    if (line != null) {
                        text(row, 4, line.name() + (line.detail().isEmpty() ? "" : "（" + line.detail() + "）"), null);
                        if (!line.before().equals("—")) {
                            wan(row, 5, line.beforeFen(), amount);
                        }
                        wan(row, 6, line.deltaFen(), amount);
                        wan(row, 7, line.afterFen(), amount);
                    }
                    text(row, 8, e.actor(), null);
                    text(row, 9, e.source(), null);
                    text(row, 10, e.documentNo() == null ? "" : e.documentNo(), null);
                    text(row, 11, e.reason() == null ? "" : e.reason(), null);
                    text(row, 12, e.reversedBy() != null ? "已被 #" + e.reversedBy() + " 冲销"
                            : e.reverses() != null ? "冲销 #" + e.reverses() : "", null);
                }
            }
            sheet.createFreezePane(0, 2);
            int[] widths = {6, 20, 10, 50, 60, 14, 14, 14, 12, 12, 24, 40, 16};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory failed", e);
        }
    }

    /**
     * An amount as a number of 万元: a numeric cell of Excel is a double, which holds any budget's 万元 with six
     * decimals (at most 15 significant digits) closely enough to show and sum exactly at that precision.
     */
    private static void wan(Row row, int column, long fen, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(BigDecimal.valueOf(fen, 6).doubleValue());
        cell.setCellStyle(style);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
