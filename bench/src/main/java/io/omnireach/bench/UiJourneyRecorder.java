package io.omnireach.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.time.Duration;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Runs the {@link UiBench} journey once in headless Chromium (sign in → dashboard → leads, scroll,
 * filter → lead page → runs) and prints every Vaadin request the browser sent ({@code v-r=init},
 * {@code v-r=uidl} with its body), from Chromium's network log. This is what {@link UiBench}'s HTTP
 * client was checked against: the same request kinds, in the same order, with the same RPC shapes.
 *
 * <p>{@code java ... io.omnireach.bench.UiJourneyRecorder http://localhost:9460 email password}
 */
public final class UiJourneyRecorder {

  private static final ObjectMapper JSON = new ObjectMapper();

  private UiJourneyRecorder() {}

  public static void main(String[] args) throws Exception {
    String base = args[0];
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1440,900");
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriver driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build(),
            options);
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    try {
      driver.get(base + "/login");
      WebElement form =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
      form.findElement(By.cssSelector("input[name=username]")).sendKeys(args[1]);
      form.findElement(By.cssSelector("input[name=password]")).sendKeys(args[2]);
      form.findElement(By.cssSelector("vaadin-button")).click();
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stat-leads")));
      mark(driver, "dashboard shown");
      driver.findElement(By.cssSelector("vaadin-side-nav-item[path='leads']")).click();
      WebElement grid =
          wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("leads-grid")));
      wait.until(d -> !grid.findElements(By.cssSelector("vaadin-grid-cell-content")).isEmpty());
      mark(driver, "leads shown");
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollToIndex(120)", grid);
      pause(2000);
      mark(driver, "scrolled");
      driver.findElement(By.cssSelector("#lead-search input")).sendKeys("an");
      pause(2500);
      mark(driver, "filtered");
      ((JavascriptExecutor) driver).executeScript("arguments[0].scrollToIndex(0)", grid);
      WebElement link =
          wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.omni-lead-person")));
      link.click();
      wait.until(d -> d.getCurrentUrl().matches(".*/leads/[0-9]+$"));
      pause(2500);
      mark(driver, "lead page shown " + driver.getCurrentUrl());
      driver.findElement(By.cssSelector("vaadin-side-nav-item[path='runs']")).click();
      wait.until(d -> d.getCurrentUrl().endsWith("/runs"));
      pause(2500);
      mark(driver, "runs shown");
    } finally {
      for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (!"Network.requestWillBeSent".equals(message.path("method").asText())) {
          continue;
        }
        JsonNode request = message.path("params").path("request");
        String url = request.path("url").asText();
        if (url.contains("v-r=") || url.contains("/uibench-mark/")) {
          System.out.println(request.path("method").asText() + " " + url);
          if (request.has("postData")) {
            System.out.println("  " + request.path("postData").asText());
          }
        }
      }
      driver.quit();
    }
  }

  /** A marker in the network log between the steps (a request that is not the app's). */
  private static void mark(ChromeDriver driver, String step) {
    System.out.println("# " + step);
    driver.executeScript(
        "fetch(arguments[0]).catch(() => {})",
        "/uibench-mark/" + step.replaceAll("[^A-Za-z0-9]+", "-"));
    pause(300);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis); // a recording for a human to read, not a test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
