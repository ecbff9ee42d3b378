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
    wait =
        new WebDriverWait(driver, Duration.ofSeconds(30)) {
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
    // Vaadin re-renders components (chips, cards) between a lookup and a read: look again
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
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
      screenshot(name);
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

  void screenshot(String name) throws IOException {
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
