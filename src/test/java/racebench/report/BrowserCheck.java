package racebench.report;

import racebench.process.Children;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A report opened as a person would: headless Chromium loads index.html from disk, the page's
 * own check says how many charts it drew and whether anything failed or tried the network,
 * Chromium's log must hold no console message, and a screenshot of the page is saved beside
 * it and must show a page, not a blank. Chromium is Debian's ({@code ./racebench test}
 * installs it), or the one RACEBENCH_CHROMIUM names; without it the check fails, never skips.
 */
final class BrowserCheck {
    static final String SCREENSHOT = "index-screenshot.png";
    private static final Pattern CHECK = Pattern.compile("<p[^>]*id=\"" + HtmlPage.CHECK_ID + "\"[^>]*>");

    /** What the page's check recorded. */
    record Seen(String status, int charts, int drawn, String problems, Path screenshot) {
    }

    private BrowserCheck() {
    }

    static Seen open(Path index, Path profile) throws IOException, InterruptedException {
        Path chromium = chromium();
        String url = index.toAbsolutePath().toUri().toString();
        Result dom = run(chromium, profile, List.of("--virtual-time-budget=5000", "--dump-dom", url));
        Matcher m = CHECK.matcher(dom.out());
        if (!m.find()) {
            fail("no #" + HtmlPage.CHECK_ID + " in the page Chromium loaded: " + dom.err());
        }
        String tag = m.group();
        List<String> console = dom.err().lines().filter(l -> l.contains(":CONSOLE")).toList();
        assertEquals(List.of(), console, "console messages while loading " + index);
        Path shot = index.resolveSibling(SCREENSHOT);
        Files.deleteIfExists(shot);
        run(chromium, profile, List.of("--hide-scrollbars", "--window-size=1280,2400", "--screenshot=" + shot, url));
        assertTrue(Files.isRegularFile(shot), "Chromium saved no screenshot of " + index);
        checkNotBlank(shot);
        return new Seen(attribute(tag, "data-status"), Integer.parseInt(attribute(tag, "data-charts")),
                Integer.parseInt(attribute(tag, "data-drawn")), attribute(tag, "data-problems"), shot);
    }

    /** A screenshot of a page with charts has many colours and much that is not white. */
    private static void checkNotBlank(Path shot) throws IOException {
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1280, image.getWidth(), "screenshot width");
        Set<Integer> colours = new HashSet<>();
        long ink = 0;
        long pixels = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                ink += rgb == 0xffffff ? 0 : 1;
                pixels++;
            }
        }
        assertTrue(colours.size() > 200, "a screenshot with charts has many colours, this one " + colours.size());
        assertTrue(ink > pixels / 50, "a screenshot with charts is not all white: " + ink + " of " + pixels);
    }

    private static Path chromium() {
        String named = System.getenv("RACEBENCH_CHROMIUM");
        for (String candidate : named != null ? List.of(named) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        fail("the report check needs Chromium (Debian: apt-get install chromium; ./racebench test installs it), "
                + "or RACEBENCH_CHROMIUM set to its path");
        throw new AssertionError("unreachable");
    }

    private record Result(String out, String err) {
    }

    /** One headless Chromium, no network on start, its own profile; reaped whatever happens. */
    private static Result run(Path chromium, Path profile, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile));
        command.addAll(args);
        Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
        Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
        Process p = Children.start(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()));
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                fail("Chromium did not finish within 60 s: " + command);
            }
            return new Result(Files.readString(out), Files.readString(err));
        } finally {
            Children.reap(p, 2_000);
        }
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : "";
    }
}
