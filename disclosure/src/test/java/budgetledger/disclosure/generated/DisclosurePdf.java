package budgetledger.disclosure.generated;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.assertj.core.api.Assumptions;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Prints a document of the text form (cells separated by TAB) as a PDF the way publishers do, so that reading it back
 * meets what real PDFs do: A4 pages with a running head and a page number (- 3 -), paragraphs wrapped at the
 * margin (a figure may break over two lines), tables drawn as ruled grids whose cells wrap their text (header words
 * and long names over several lines), tables continued over pages under 续表 with their header rows repeated.
 *
 * <p>Test code: it needs a CJK font to embed (fonts-wqy-microhei, which {@code .ci/run} installs); {@link #font()}
 * is empty without it and the tests say so.
 */
public final class DisclosurePdf {

    public static final String FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static final float MARGIN = 45;
    private static final float BODY_BOTTOM = 60;
    private static final float PROSE_SIZE = 10.5f;
    private static final float PROSE_LEADING = 16;
    private static final float CELL_SIZE = 8;
    private static final float CELL_LEADING = 10;
    private static final float CELL_PADDING = 2.5f;
    private static final float MAX_COLUMN = 150;
    private static final float MIN_COLUMN = 28;
    private static final Pattern AMOUNT = Pattern.compile("-?[\\d,]+(?:\\.\\d+)?");

    /** The page as read (landscape when rotated: an A4 page whose /Rotate 90 turns it, as scanners' PDFs do). */
    private final boolean rotated;
    private final float WIDTH;
    private final float HEIGHT;
    private final float BODY_TOP;
    private final PDDocument document = new PDDocument();
    private final PDType0Font font;
    private final String runningHead;
    private PDPageContentStream page;
    private float y;
    private int pages;

    private DisclosurePdf(String runningHead, boolean rotated) throws IOException {
        this.runningHead = runningHead;
        this.rotated = rotated;
        this.WIDTH = rotated ? PDRectangle.A4.getHeight() : PDRectangle.A4.getWidth();
        this.HEIGHT = rotated ? PDRectangle.A4.getWidth() : PDRectangle.A4.getHeight();
        this.BODY_TOP = HEIGHT - 60;
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        TrueTypeCollection collection = new TrueTypeCollection(new File(FONT_FILE));
        collection.processAllFonts(ttf -> first.compareAndSet(null, ttf));
        this.font = PDType0Font.load(document, first.get(), true);
    }

    /** The font file when this machine has it. */
    public static Optional<File> font() {
        File file = new File(FONT_FILE);
        return file.isFile() ? Optional.of(file) : Optional.empty();
    }

    /** Skips the calling test, saying why, on a machine without the CJK font to embed (Debian fonts-wqy-microhei). */
    public static void assumeFont() {
        Assumptions.assumeThat(font()).as("a CJK font to embed in test PDFs (" + FONT_FILE
                + ", Debian fonts-wqy-microhei, installed by .ci/run)").isPresent();
    }

    /** The document as a PDF; {@code runningHead} is printed above every page. */
    public static byte[] write(String text, String runningHead) {
        return write(text, runningHead, false);
    }

    /**
     * @param rotated print on A4 pages turned by /Rotate 90 (read as landscape), the drawing turned back so that it
     *                reads upright: rules and glyphs are then in the unrotated page's coordinates
     */
    public static byte[] write(String text, String runningHead, boolean rotated) {
        try {
            DisclosurePdf pdf = new DisclosurePdf(runningHead, rotated);
            try {
                return pdf.print(text);
            } finally {
                pdf.document.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] print(String text) throws IOException {
        newPage();
        List<String> lines = List.of(text.split("\n", -1));
        for (int i = 0; i < lines.size(); ) {
            if (lines.get(i).indexOf('\t') < 0) {
                prose(lines.get(i));
                i++;
                continue;
            }
            int end = i;
            while (end < lines.size() && lines.get(end).indexOf('\t') >= 0) {
                end++;
            }
            table(lines.subList(i, end));
            i = end;
        }
        page.close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        if (rotated) {
            // Shown turned 90° clockwise: the landscape point (X, Y) is the page's (A4 width − Y, X).
            next.setRotation(90);
            page.transform(new org.apache.pdfbox.util.Matrix(0, 1, -1, 0, PDRectangle.A4.getWidth(), 0));
        }
        pages++;
        show(runningHead, PROSE_SIZE - 1.5f, MARGIN, HEIGHT - 35);
        String number = "- " + pages + " -";
        show(number, PROSE_SIZE - 1.5f, (WIDTH - width(number, PROSE_SIZE - 1.5f)) / 2, 30);
        y = BODY_TOP;
    }

    private void prose(String line) throws IOException {
        if (line.isBlank()) {
            y -= PROSE_LEADING / 2;
            return;
        }
        for (String part : wrap(line, WIDTH - 2 * MARGIN, PROSE_SIZE)) {
            if (y - PROSE_LEADING < BODY_BOTTOM) {
                newPage();
            }
            y -= PROSE_LEADING;
            show(part, PROSE_SIZE, MARGIN, y);
        }
    }

    private void table(List<String> rows) throws IOException {
        List<String[]> cells = rows.stream().map(r -> r.split("\t", -1)).toList();
        int columns = cells.stream().mapToInt(c -> c.length).max().orElse(1);
        float[] widths = new float[columns];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], Math.min(MAX_COLUMN, width(row[c].strip(), CELL_SIZE) + 2 * CELL_PADDING));
            }
        }
        float total = 0;
        for (int c = 0; c < columns; c++) {
            widths[c] = Math.max(widths[c], MIN_COLUMN);
            total += widths[c];
        }
        float scale = Math.min(1, (WIDTH - 2 * MARGIN) / total);
        for (int c = 0; c < columns; c++) {
            widths[c] *= scale;
        }
        List<String[]> header = new ArrayList<>();
        for (String[] row : cells) {
            if (header.size() >= 2 || hasAmount(row)) {
                break;
            }
            header.add(row);
        }
        y -= 4;
        for (String[] row : cells) {
            float height = rowHeight(row, widths);
            if (y - height < BODY_BOTTOM) {
                newPage();
                prose("续表");
                y -= 4;
                for (String[] repeated : header) {
                    drawRow(repeated, widths, rowHeight(repeated, widths));
                }
            }
            drawRow(row, widths, height);
        }
        y -= 4;
    }

    private float rowHeight(String[] row, float[] widths) throws IOException {
        int lines = 1;
        for (int c = 0; c < row.length; c++) {
            lines = Math.max(lines, wrap(row[c].strip(), widths[c] - 2 * CELL_PADDING, CELL_SIZE).size());
        }
        return lines * CELL_LEADING + 2 * CELL_PADDING;
    }

    private void drawRow(String[] row, float[] widths, float height) throws IOException {
        float x = MARGIN;
        for (float width : widths) {
            page.addRect(x, y - height, width, height);
            x += width;
        }
        page.setLineWidth(0.5f);
        page.stroke();
        x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            String text = c < row.length ? row[c].strip() : "";
            float lineY = y - CELL_PADDING - CELL_SIZE;
            for (String part : wrap(text, widths[c] - 2 * CELL_PADDING, CELL_SIZE)) {
                float left = AMOUNT.matcher(text).matches()
                        ? x + widths[c] - CELL_PADDING - width(part, CELL_SIZE) : x + CELL_PADDING;
                show(part, CELL_SIZE, left, lineY);
                lineY -= CELL_LEADING;
            }
            x += widths[c];
        }
        y -= height;
    }

    private static boolean hasAmount(String[] row) {
        for (String cell : row) {
            if (AMOUNT.matcher(cell.strip()).matches() && cell.strip().contains(".")) {
                return true;
            }
        }
        return false;
    }

    /** The text cut into lines no wider than {@code width}, character by character (Chinese has no word breaks). */
    private List<String> wrap(String text, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && width(line + ch, size) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private void show(String text, float size, float x, float baseline) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(text);
        page.endText();
    }
}
