package io.omnireach.app.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by Selenium, with screenshots under target/screenshots. */
final class Browser implements AutoCloseable {

  final ChromeDriver driver;
  final WebDriverWait wait;

  Browser() {
    this(new String[0]);
  }

  /** With extra Chromium switches, e.g. {@code --host-resolver-rules} for host-name tests. */
  Browser(String... extraArguments) {
    ChromeOptions options = new ChromeOptions();
    options.addArguments(extraArguments);
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1440,900");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File("/usr/bin/chromedriver"))
            .build();
    driver = new ChromeDriver(service, options);
    wait = waitFor(Duration.ofSeconds(30));
  }

  /**
   * A wait of its own length that leaves a trace on timeout and looks again when Vaadin re-rendered
   * a component (chips, cards, a status label) between a lookup and a read.
   */
  WebDriverWait waitFor(Duration timeout) {
    WebDriverWait w =
        new WebDriverWait(driver, timeout) {
          @Override
          public <V> V until(java.util.function.Function<? super WebDriver, V> isTrue) {
            try {
              return super.until(isTrue);
            } catch (org.openqa.selenium.TimeoutException e) {
              leaveTrace(e.getMessage());
              throw e;
            }
          }
        };
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  WebDriver open(String path) {
    driver.get(E2e.BASE_URL + path);
    return driver;
  }

  WebElement await(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** On a timeout: a screenshot and the browser console as failed-*.png/.log, for the report. */
  private void leaveTrace(String what) {
    String name = "failed-" + System.currentTimeMillis();
    try {
      capture(name);
      Files.writeString(
          Path.of(System.getProperty("omnireach.screenshots", "target/screenshots"))
              .resolve(name + ".log"),
          what
              + "\n"
              + String.join(
                  "\n",
                  driver
                      .manage()
                      .logs()
                      .get(org.openqa.selenium.logging.LogType.BROWSER)
                      .getAll()
                      .stream()
                      .map(Object::toString)
                      .toList()));
    } catch (IOException | RuntimeException ignored) {
      // the timeout is what matters
    }
  }

  /** Scrolls the element to the middle of the window first, so nothing covers it. */
  void click(By by) {
    WebElement element = await(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * A JS signature of what still moves: finite CSS/Web animations, the canvas viewport's transform
   * (fitView glides), and each chart canvas's pixels (ECharts' entry animation).
   */
  private static final String MOTION =
      "const running = document.getAnimations().filter(a => a.playState === 'running'"
          + "  && isFinite(a.effect?.getComputedTiming().endTime)).length;"
          + "const vp = Array.from(document.querySelectorAll('.react-flow__viewport'))"
          + "  .map(e => e.style.transform).join('|');"
          + "const px = Array.from(document.querySelectorAll('canvas')).map(c => {"
          + "  let h = 0; const d = c.toDataURL();"
          + "  for (let i = 0; i < d.length; i += 7) h = (h * 31 + d.charCodeAt(i)) | 0;"
          + "  return h; }).join('|');"
          + "return running + '#' + vp + '#' + px;";

  /**
   * Waits (up to 5 s) until nothing on the page moves any more, so a screenshot shows the settled
   * page rather than a frame of a transition. Only pictures depend on it.
   */
  void settle() {
    String[] last = {null};
    try {
      new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(150))
          .until(
              d -> {
                String now = String.valueOf(driver.executeScript(MOTION));
                boolean still = now.equals(last[0]) && now.startsWith("0#");
                last[0] = now;
                return still;
              });
    } catch (org.openqa.selenium.TimeoutException e) {
      // an endless animation: take the picture as it is
    }
  }

  void screenshot(String name) throws IOException {
    settle();
    capture(name);
  }

  private void capture(String name) throws IOException {
    Path dir = Path.of(System.getProperty("omnireach.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    File shot = driver.getScreenshotAs(OutputType.FILE);
    Files.copy(
        shot.toPath(),
        dir.resolve(name + ".png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
