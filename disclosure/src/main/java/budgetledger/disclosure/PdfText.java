package budgetledger.disclosure;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a published PDF into the text {@link DisclosureParser} reads: prose as lines, each table row as its cells
 * separated by TAB, blank cells kept as empty cells.
 *
 * <p>Tables are read from their ruling lines: the horizontal rules cut a page into bands, the vertical rules that cross
 * a band are its cell borders, and every glyph inside a cell belongs to it, whatever line of the cell it sits on. So a
 * header cell split over lines (政府性基 / 金预算) or a name wrapped in its cell is one cell again, and a blank cell is
 * an empty cell, not a missing one. Glyphs outside every grid are prose, one line per baseline; a line that fills
 * the page's width continues on the next (publishers wrap paragraphs), so a sentence and its figures stay whole.
 *
 * <p>Page furniture is dropped before anything is read: page numbers (- 4 -, 第 4 页, 4/36) in the top or bottom
 * margin and running heads (the same line, digits aside, in the margins of three pages or more). Otherwise a page number breaking a
 * sentence would read "增长" 3 "17.31%" as 增长317.31%, and a running head would end every table at a page break.
 * Continued tables need nothing more: the parser skips their repeated headers and 续表.
 *
 * <p>A page turned by its /Rotate entry is read as it is shown. Every line remembers its page, so a problem is named
 * by page and line ({@link Extracted#onPages}). Pure Java
 * over PDFBox; no files.
 */
public final class PdfText {

    /** Far above any disclosure (the fixtures have 23 and 36 pages), far below what would take minutes to read. */
    static final int MAX_PAGES = 1_000;

    /** Rules closer than this (pt) are one rule: borders of adjacent cells are drawn twice. */
    private static final float SAME_RULE = 1.5f;
    /** A band higher than this (pt) is not a table row but the space between two tables. */
    private static final float MAX_ROW_HEIGHT = 200f;
    /** Share of the page height at its top and bottom where page numbers and running heads live. */
    private static final float MARGIN_SHARE = 0.12f;
    /** A line in the margins of at least this many pages is a running head or foot. */
    private static final int RUNNING_PAGES = 3;

    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "^(?:[-—－–]?\\s*\\d{1,4}\\s*[-—－–]?|第\\s*\\d{1,4}\\s*页.*|\\d{1,4}\\s*/\\s*\\d{1,4}|共\\s*\\d+\\s*页.*)$");
    private static final Pattern SENTENCE_END = Pattern.compile(".*[。：:；;！？]$");
    /** How a heading, an item or a label of the page starts: never the rest of a wrapped line. */
    private static final Pattern NEW_ITEM = Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\\d]+[）)]"
            + "|\\d+[.．、](?!\\d)|第[一二三四五六七八九十]+部分|(?:部门名称|编制部门|部门|单位|注)[：:]|(?:预算)?公开\\d*表|续表)");

    /** The text of a PDF and, for each of its lines, the page it came from and its line there. */
    public record Extracted(String text, List<Place> places) {

        /** Where line {@code n} (1-based) of the text was on the PDF. */
        public Place place(int line) {
            if (line < 1 || places.isEmpty()) {
                return new Place(1, 1);
            }
            return places.get(Math.min(line, places.size()) - 1);
        }

        /** Problems named by line of the text, named by page and line of the PDF instead. */
        public List<ParseProblem> onPages(List<ParseProblem> problems) {
            return problems.stream().map(p -> p.page() > 0 ? p
                    : p.onPage(place(p.line()).page(), place(p.line()).line())).toList();
        }
    }

    /** A 1-based page and the 1-based line of the text read from it. */
    public record Place(int page, int line) {
    }

    private PdfText() {
    }

    /** Whether the bytes start as a PDF does (%PDF-), whatever type the sender claimed. */
    public static boolean isPdf(byte[] bytes) {
        byte[] signature = {'%', 'P', 'D', 'F', '-'};
        if (bytes == null || bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (bytes[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @throws DisclosureParseException when the bytes are not a PDF that can be read (damaged, encrypted, empty of
     *                                  text, too long)
     */
    public static Extracted extract(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            if (pages > MAX_PAGES) {
                throw refused("PDF 有 " + pages + " 页，超过 " + MAX_PAGES + " 页");
            }
            List<List<Line>> byPage = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                byPage.add(pageLines(document, p));
            }
            dropFurniture(byPage);
            Extracted extracted = join(byPage);
            if (extracted.text().isBlank()) {
                throw refused("PDF 中没有可提取的文字（可能是扫描的图像），无法读取");
            }
            return extracted;
        } catch (InvalidPasswordException e) {
            throw refused("PDF 已加密，需要密码才能读取");
        } catch (IOException e) {
            throw refused("不是可读取的 PDF（" + e.getMessage() + "）");
        } catch (DisclosureParseException e) {
            throw e;
        } catch (RuntimeException e) {
            // A damaged content stream can fail deep inside PDFBox; for the sender it is an unreadable PDF, not a 500.
            throw refused("PDF 的内容无法解析（" + e.getClass().getSimpleName() + "）");
        }
    }

    private static DisclosureParseException refused(String message) {
        return new DisclosureParseException(List.of(new ParseProblem(1, "", message)));
    }

    /** A line as read: a table row (cells) or prose (one cell); its top and, for prose, its extent. */
    private record Line(float top, List<String> cells, boolean row, float left, float right, float size,
                        boolean margin) {
        String text() {
            return String.join("\t", cells);
        }
    }

    private record Glyph(float x, float baseline, float width, float size, String text) {
        float centreX() {
            return x + width / 2;
        }

        /** Inside the glyph's box, not on its baseline: a rule may run just under the text. */
        float middleY() {
            return baseline - size * 0.35f;
        }
    }

    private record Rule(float x1, float y1, float x2, float y2) {
        boolean horizontal() {
            return Math.abs(y2 - y1) <= SAME_RULE && Math.abs(x2 - x1) > SAME_RULE;
        }

        boolean vertical() {
            return Math.abs(x2 - x1) <= SAME_RULE && Math.abs(y2 - y1) > SAME_RULE;
        }
    }

    /** A row of a ruled table: between two horizontal rules, cut into cells by the vertical rules crossing it. */
    private record Band(float upper, float lower, List<Float> xs) {
    }

    /** Bands that touch (one's lower rule is the next one's upper) form one table. */
    private static List<List<Band>> grids(List<Band> bands) {
        List<List<Band>> grids = new ArrayList<>();
        for (Band band : bands) {
            List<Band> last = grids.isEmpty() ? null : grids.get(grids.size() - 1);
            if (last != null && band.upper - last.get(last.size() - 1).lower <= SAME_RULE) {
                last.add(band);
            } else {
                List<Band> grid = new ArrayList<>();
                grid.add(band);
                grids.add(grid);
            }
        }
        return grids;
    }

    /** The grid column that starts at x (the nearest column border). */
    private static int column(List<Float> columns, float x) {
        int best = 0;
        for (int c = 1; c + 1 < columns.size(); c++) {
            if (Math.abs(columns.get(c) - x) < Math.abs(columns.get(best) - x)) {
                best = c;
            }
        }
        return best;
    }

    private static List<Line> pageLines(PDDocument document, int pageIndex) throws IOException {
        PDPage page = document.getPage(pageIndex);
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        // The page as shown: a page turned by /Rotate 90 or 270 is as high as it is wide unturned.
        float height = rotation == 90 || rotation == 270 ? page.getCropBox().getWidth() : page.getCropBox().getHeight();
        List<Glyph> glyphs = glyphs(document, pageIndex + 1);
        Rules rules = new Rules(page);
        rules.processPage(page);

        List<Float> ys = cluster(rules.rules.stream().filter(Rule::horizontal).map(r -> (r.y1 + r.y2) / 2).toList());
        List<Line> lines = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        for (int b = 0; b + 1 < ys.size(); b++) {
            float upper = ys.get(b);
            float lower = ys.get(b + 1);
            if (lower - upper > MAX_ROW_HEIGHT) {
                continue;
            }
            float middle = (upper + lower) / 2;
            List<Float> xs = cluster(rules.rules.stream().filter(Rule::vertical)
                    .filter(r -> Math.min(r.y1, r.y2) - SAME_RULE <= middle && Math.max(r.y1, r.y2) + SAME_RULE >= middle)
                    .map(r -> (r.x1 + r.x2) / 2).toList());
            if (xs.size() >= 2) {
                bands.add(new Band(upper, lower, xs));
            }
        }
        boolean[] used = new boolean[glyphs.size()];
        for (List<Band> grid : grids(bands)) {
            // The columns of the whole grid: a merged cell (合计 over 科目编码 and 科目名称, 本年收入 over its parts)
            // is read as its first column followed by empty ones, so that every row has every column.
            List<Float> columns = cluster(grid.stream().flatMap(band -> band.xs.stream()).toList());
            for (Band band : grid) {
                List<List<Glyph>> cells = new ArrayList<>();
                for (int c = 0; c + 1 < columns.size(); c++) {
                    cells.add(new ArrayList<>());
                }
                boolean any = false;
                for (int g = 0; g < glyphs.size(); g++) {
                    Glyph glyph = glyphs.get(g);
                    float y = glyph.middleY();
                    if (used[g] || y < band.upper || y > band.lower) {
                        continue;
                    }
                    for (int c = 0; c + 1 < band.xs.size(); c++) {
                        if (glyph.centreX() >= band.xs.get(c) && glyph.centreX() <= band.xs.get(c + 1)) {
                            cells.get(column(columns, band.xs.get(c))).add(glyph);
                            used[g] = true;
                            any = true;
                            break;
                        }
                    }
                }
                if (any && band.xs.size() == 2) {
                    // One cell across the whole table is a title or a note printed inside the grid, not a row.
                    List<Glyph> all = cells.stream().flatMap(List::stream).toList();
                    lines.add(new Line(band.upper, List.of(cellText(all)), false, all.get(0).x,
                            all.get(all.size() - 1).x + all.get(all.size() - 1).width, all.get(0).size, false));
                } else if (any) {
                    List<String> texts = cells.stream().map(PdfText::cellText).toList();
                    lines.add(new Line(band.upper, texts, true, columns.get(0), columns.get(columns.size() - 1), 0,
                            false));
                }
            }
        }
        List<Glyph> prose = new ArrayList<>();
        for (int g = 0; g < glyphs.size(); g++) {
            if (!used[g]) {
                prose.add(glyphs.get(g));
            }
        }
        for (List<Glyph> baseline : baselines(prose)) {
            Glyph first = baseline.get(0);
            Glyph last = baseline.get(baseline.size() - 1);
            String text = lineText(baseline).strip();
            if (text.isEmpty()) {
                continue;
            }
            float lineTop = first.baseline - first.size;
            boolean margin = first.baseline < height * MARGIN_SHARE || lineTop > height * (1 - MARGIN_SHARE);
            lines.add(new Line(lineTop, List.of(text), false, first.x, last.x + last.width, first.size, margin));
        }
        lines.sort(Comparator.comparingDouble(Line::top));
        return lines;
    }

    private static List<Glyph> glyphs(PDDocument document, int pageNumber) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                String unicode = text.getUnicode();
                if (unicode != null && !unicode.isEmpty()) {
                    float size = Math.max(text.getFontSizeInPt(), text.getHeightDir());
                    glyphs.add(new Glyph(text.getXDirAdj(), text.getYDirAdj(), text.getWidthDirAdj(),
                            size > 0 ? size : 10f, unicode));
                }
            }
        };
        stripper.setStartPage(pageNumber);
        stripper.setEndPage(pageNumber);
        stripper.getText(document);
        return glyphs;
    }

    /** The text of one cell: its glyphs line by line, the lines joined without a break (a wrapped word is whole). */
    private static String cellText(List<Glyph> glyphs) {
        StringBuilder text = new StringBuilder();
        for (List<Glyph> line : baselines(glyphs)) {
            text.append(lineText(line));
        }
        return text.toString().strip();
    }

    /** Glyphs grouped by baseline, top to bottom, each group left to right. */
    private static List<List<Glyph>> baselines(List<Glyph> glyphs) {
        List<Glyph> sorted = new ArrayList<>(glyphs);
        sorted.sort(Comparator.comparingDouble(Glyph::baseline));
        List<List<Glyph>> lines = new ArrayList<>();
        List<Glyph> current = new ArrayList<>();
        float baseline = Float.NaN;
        for (Glyph glyph : sorted) {
            if (!current.isEmpty() && glyph.baseline - baseline > Math.min(glyph.size, current.get(0).size) * 0.5f) {
                lines.add(current);
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                baseline = glyph.baseline;
            }
            current.add(glyph);
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        lines.forEach(line -> line.sort(Comparator.comparingDouble(Glyph::x)));
        return lines;
    }

    /** Glyphs of one baseline; a gap wider than half a character reads as a space, as a typed one does. */
    private static String lineText(List<Glyph> line) {
        StringBuilder text = new StringBuilder();
        float end = Float.NaN;
        for (Glyph glyph : line) {
            boolean spaced = text.length() > 0 && text.charAt(text.length() - 1) == ' ';
            if (!Float.isNaN(end) && glyph.x - end > glyph.size * 0.5f && !spaced && !glyph.text.isBlank()) {
                text.append(' ');
            }
            text.append(glyph.text);
            end = glyph.x + glyph.width;
        }
        return text.toString();
    }

    /** Sorted values with those closer than {@link #SAME_RULE} merged into their first. */
    private static List<Float> cluster(List<Float> values) {
        List<Float> sorted = new ArrayList<>(values);
        sorted.sort(Float::compare);
        List<Float> clusters = new ArrayList<>();
        for (float v : sorted) {
            if (clusters.isEmpty() || v - clusters.get(clusters.size() - 1) > SAME_RULE) {
                clusters.add(v);
            }
        }
        return clusters;
    }

    /**
     * Drops page numbers in the margins and running heads: prose lines (never table rows) whose text, digits aside,
     * is in the margins of {@link #RUNNING_PAGES} pages or more. A table title is never a running head, even when a
     * continued table repeats it at the top of every page.
     */
    private static void dropFurniture(List<List<Line>> pages) {
        Map<String, Integer> edgeCounts = new HashMap<>();
        for (List<Line> page : pages) {
            edgeTexts(page).stream().distinct().forEach(t -> edgeCounts.merge(t, 1, Integer::sum));
        }
        for (List<Line> page : pages) {
            List<String> edges = edgeTexts(page);
            page.removeIf(line -> !line.row && line.margin && PAGE_NUMBER.matcher(line.text()).matches());
            page.removeIf(line -> !line.row && line.margin && edges.contains(furnitureKey(line))
                    && edgeCounts.getOrDefault(furnitureKey(line), 0) >= RUNNING_PAGES
                    && !Template.anyTitle(line.text().strip()));
        }
    }

    /** The keys of the prose lines in a page's margins. */
    private static List<String> edgeTexts(List<Line> page) {
        return page.stream().filter(line -> !line.row && line.margin).map(PdfText::furnitureKey).toList();
    }

    private static String furnitureKey(Line line) {
        return TableLayout.normalise(line.text()).replaceAll("\\d+", "#");
    }

    /**
     * The pages as one text. A prose line reaching the right edge of the prose, not ending a sentence, runs
     * on into the next prose line (also over a page break) when that one starts at the left edge. The edges are
     * those of the document's prose, outside the margins.
     */
    private static final Pattern NOTE = Pattern.compile("^注[：:]");

    private static Extracted join(List<List<Line>> pages) {
        List<String> out = new ArrayList<>();
        List<Place> places = new ArrayList<>();
        Line open = null;
        StringBuilder paragraph = null;
        // A line is wrapped when it reaches as far right as anything on its page (tables included) and does not end a
        // sentence; its paragraph goes on in the next prose line if that starts at the page's left edge and not like a
        // heading, a number or a label of the page. A title is never wrapped.
        float left = Float.MAX_VALUE;
        for (int p = 0; p < pages.size(); p++) {
            List<Line> page = pages.get(p);
            float widest = (float) page.stream().filter(l -> !l.margin).mapToDouble(Line::right).max().orElse(0);
            left = (float) page.stream().filter(l -> !l.row && !l.margin).mapToDouble(Line::left).min()
                    .orElse(left);
            int lineOnPage = 0;
            for (Line line : page) {
                lineOnPage++;
                boolean continues = open != null && !line.row && Math.abs(line.left - left) < line.size * 0.5f
                        && !NEW_ITEM.matcher(line.text()).find();
                if (continues) {
                    paragraph.append(line.text());
                } else {
                    if (paragraph != null) {
                        out.add(paragraph.toString());
                        paragraph = null;
                    }
                    if (line.row) {
                        out.add(line.text());
                    } else {
                        paragraph = new StringBuilder(line.text());
                    }
                    places.add(new Place(p + 1, lineOnPage));
                }
                // A table's note (注：本表无数据) is never wrapped into what follows: under a narrow table it may be the
                // widest line of its page, and the heading after it is no part of it.
                boolean full = !line.row && !NOTE.matcher(line.text()).find() && widest - line.right < line.size * 1.5f
                        && !SENTENCE_END.matcher(line.text()).matches() && !Template.anyTitle(line.text());
                open = full ? line : null;
            }
        }
        if (paragraph != null) {
            out.add(paragraph.toString());
        }
        return new Extracted(String.join("\n", out) + "\n", List.copyOf(places));
    }

    /** Collects the stroked and filled straight lines of a page, in top-down coordinates like the glyphs. */
    private static final class Rules extends PDFGraphicsStreamEngine {

        private final PDRectangle box;
        private final int rotation;
        final List<Rule> rules = new ArrayList<>();
        private final List<Rule> path = new ArrayList<>();
        private Point2D.Float current = new Point2D.Float();
        private Point2D.Float start = new Point2D.Float();

        Rules(PDPage page) {
            super(page);
            this.box = page.getCropBox();
            this.rotation = ((page.getRotation() % 360) + 360) % 360;
        }

        @Override
        public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            segment(p0, p1);
            segment(p1, p2);
            segment(p2, p3);
            segment(p3, p0);
        }

        private void segment(Point2D a, Point2D b) {
            Point2D.Float from = shown(a);
            Point2D.Float to = shown(b);
            path.add(new Rule(from.x, from.y, to.x, to.y));
        }

        /**
         * A point of the page as it is shown, y downwards like the glyphs' positions: a page's /Rotate turns it
         * clockwise for display, and the text is read in that turned frame.
         */
        private Point2D.Float shown(Point2D p) {
            float x = (float) p.getX() - box.getLowerLeftX();
            float y = (float) p.getY() - box.getLowerLeftY();
            float w = box.getWidth();
            float h = box.getHeight();
            return switch (rotation) {
                case 90 -> new Point2D.Float(y, x);
                case 180 -> new Point2D.Float(w - x, y);
                case 270 -> new Point2D.Float(h - y, w - x);
                default -> new Point2D.Float(x, h - y);
            };
        }

        @Override
        public void moveTo(float x, float y) {
            current = new Point2D.Float(x, y);
            start = current;
        }

        @Override
        public void lineTo(float x, float y) {
            Point2D.Float next = new Point2D.Float(x, y);
            segment(current, next);
            current = next;
        }

        @Override
        public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            current = new Point2D.Float(x3, y3);
        }

        @Override
        public Point2D getCurrentPoint() {
            return current;
        }

        @Override
        public void closePath() {
            segment(current, start);
            current = start;
        }

        @Override
        public void endPath() {
            path.clear();
        }

        @Override
        public void strokePath() {
            keep();
        }

        /** A filled thin rectangle is how many producers draw a rule; its long sides are the rule. */
        @Override
        public void fillPath(int windingRule) {
            keep();
        }

        @Override
        public void fillAndStrokePath(int windingRule) {
            keep();
        }

        private void keep() {
            for (Rule r : path) {
                if (r.horizontal() || r.vertical()) {
                    rules.add(r);
                }
            }
            path.clear();
        }

        @Override
        public void drawImage(PDImage pdImage) {
        }

        @Override
        public void clip(int windingRule) {
        }

        @Override
        public void shadingFill(COSName shadingName) {
        }
    }
}
