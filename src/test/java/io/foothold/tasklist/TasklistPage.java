package io.foothold.tasklist;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.foothold.support.ChromiumPage;
import io.foothold.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a manager does in Camunda Tasklist, without the WebDriver details: sign in, start a playbook,
 * fill a Camunda Form (form-js) by field key, complete a task. Selectors follow form-js 1.8 as bundled
 * with Tasklist 7.24: field element ids end in "-Field_&lt;key&gt;" (our forms name every field Field_&lt;key&gt;).
 *
 * Uses the Debian Chromium and chromedriver only; Selenium Manager never runs, so nothing is downloaded.
 */
final class TasklistPage extends ChromiumPage {

  // bounded, but with room for a busy 2-core CI machine (page loads slow down a lot under parallel builds)
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** What a person types into a date field (US order, as Tasklist's picker expects). */
  private static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  /** What the picker shows: month and day without leading zeros; parsing with M/d also accepts 12/02/2026. */
  private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("M/d/yyyy");

  private TasklistPage(String baseUrl) throws IOException {
    super(baseUrl, 1400, 1000);
  }

  /** Starts a fresh headless Chromium with its own profile; fails (never skips) when the browser is missing. */
  static TasklistPage open(String baseUrl) throws IOException {
    return new TasklistPage(baseUrl);
  }

  // ---------------------------------------------------------------- navigation

  void login(String user, String password) {
    HeadlessChromium.signInToWebapps(driver, baseUrl + "/camunda/app/tasklist/default/", user, password);
    waitForIdle();
  }

  /**
   * Signs in, trying again after a refused attempt (up to three times): right after another browser session ended
   * mid-step, Tasklist has been seen to refuse the first sign-in ("Login Failed").
   */
  void loginPatiently(String user, String password) {
    for (int attempt = 1; ; attempt++) {
      try {
        login(user, password);
        return;
      } catch (TimeoutException refused) {
        if (attempt == 3) {
          throw refused;
        }
        driver.get("about:blank");
      }
    }
  }

  /** Signs out whoever is signed in (by forgetting the session, as a fresh browser would) and signs in as this person. */
  void signInAs(String user, String password) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/");
    driver.manage().deleteAllCookies();
    ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    // leave the page, so Tasklist loads anew and hands out a fresh CSRF cookie (a same-URL visit would not reload it)
    driver.get("about:blank");
    loginPatiently(user, password);
  }

  /** Opens "Start process", picks the process by its name and waits until its start form is rendered. */
  void startProcess(String processName) {
    dismissModalIfOpen();
    click(By.xpath("//a[contains(@class,'start-process-action') or normalize-space(.)='Start process']"));
    WebElement modal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    waitForIdle();
    click(By.xpath("//div[contains(@class,'modal-dialog')]//a[normalize-space(.)=" + xpathLiteral(processName) + "]"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-dialog .fjs-form")));
    waitForIdle();
  }

  /** Presses the start button of the start-form dialog and waits until the dialog is gone. */
  void submitStartForm() {
    click(By.cssSelector("button[ng-click='startProcessInstance()']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    waitForIdle();
  }

  void selectFilter(String filterName) {
    click(By.xpath("//*[contains(@class,'task-filters')]//*[normalize-space(text())=" + xpathLiteral(filterName) + "]"));
    waitForIdle();
  }

  /** Task names currently shown in the task list. */
  List<String> taskNames() {
    waitForIdle();
    return driver.findElements(By.cssSelector("ol.tasks-list li.task h4 a")).stream().map(WebElement::getText).map(String::trim).toList();
  }

  /** Waits until a task with this name is listed (the list refreshes on its own after a completion). */
  void waitForTaskInList(String taskName) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(taskLink(taskName)));
  }

  /** Waits until this very task (name and id) is listed: other cases may have steps with the same name. */
  void waitForTaskInList(String taskName, String taskId) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(taskLink(taskName, taskId)));
  }

  /** Ids of the tasks currently listed (from their links). */
  List<String> taskIdsInList() {
    waitForIdle();
    return driver.findElements(By.cssSelector("ol.tasks-list li.task h4 a")).stream()
        .map(a -> a.getAttribute("href"))
        .map(href -> href == null ? "" : href.replaceAll(".*[?&]task=([^&]+).*", "$1"))
        .toList();
  }

  /** Opens the task from the list by its name and waits until its Camunda Form is rendered. */
  void openTask(String taskName) {
    waitForTaskInList(taskName);
    click(taskLink(taskName));
    waitForTaskForm();
  }

  /** Opens this very task from the list (name and id) and waits until its Camunda Form is rendered. */
  void openTask(String taskName, String taskId) {
    waitForTaskInList(taskName, taskId);
    click(taskLink(taskName, taskId));
    waitForTaskForm();
  }

  /** What a person reads on the page right now. */
  String pageText() {
    waitForIdle();
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Opens a task by id (the Tasklist deep link) and waits until its form is rendered. */
  void openTaskById(String taskId) {
    driver.get(baseUrl + "/camunda/app/tasklist/default/#/?task=" + taskId);
    waitForTaskForm();
  }

  /**
   * Waits until the task's form can be filled: shown, and no longer disabled. A task offered to a group opens
   * disabled until the person claims it, and on a loaded machine the Claim button may appear only after the form
   * does, so it is clicked whenever it shows (a form still disabled swallows every click on its fields).
   */
  private void waitForTaskForm() {
    waitForIdle();
    By form = By.cssSelector(".task-details .fjs-form, [cam-tasklist-task] .fjs-form, .fjs-form");
    try {
      new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
        List<WebElement> claim = d.findElements(By.cssSelector("button.claim"));
        if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
          claim.get(0).click();
          return false;
        }
        return d.findElements(form).stream().anyMatch(WebElement::isDisplayed)
            && d.findElements(By.cssSelector(".disabled-form")).stream().noneMatch(WebElement::isDisplayed);
      });
    } catch (TimeoutException stillDisabled) {
      // a form this person may only read stays disabled: go on with what is shown
      wait.until(ExpectedConditions.visibilityOfElementLocated(form));
    }
    waitForIdle();
  }

  /** Presses Complete and waits until Tasklist has closed the completed task's form. */
  void completeTask() {
    WebElement button = pressComplete();
    wait.until(ExpectedConditions.or(
        ExpectedConditions.stalenessOf(button),
        ExpectedConditions.invisibilityOf(button)));
    waitForIdle();
  }

  /** Presses Complete (after closing notifications that cover it, as a person would), whatever happens next. */
  WebElement pressComplete() {
    dismissNotifications();
    WebElement button = wait.until(ExpectedConditions.elementToBeClickable(completeButton()));
    scrollIntoView(button);
    button.click();
    waitForIdle();
    return button;
  }

  /**
   * Presses Complete as a person would and waits until Tasklist either closed the form (done) or said why not:
   * an error notification (e.g. the server refused the variables) or a validation message under a field.
   * Throws with what the person reads when the task could not be completed.
   */
  void completeTaskOrFail(String what) {
    WebElement button = pressComplete();
    wait.until(d -> isStaleOrHidden(button) || !errorNotifications().isEmpty() || !formErrors().isEmpty());
    List<String> errors = errorNotifications();
    List<String> fieldErrors = formErrors();
    if (!errors.isEmpty() || !fieldErrors.isEmpty()) {
      throw new AssertionError("Tasklist could not complete '" + what + "': " + errors + " " + fieldErrors);
    }
    waitForIdle();
  }

  private static boolean isStaleOrHidden(WebElement element) {
    try {
      return !element.isDisplayed();
    } catch (StaleElementReferenceException gone) {
      return true;
    }
  }

  /** Error and danger notifications Tasklist shows right now (what a person reads after a refused Complete). */
  List<String> errorNotifications() {
    return driver.findElements(By.cssSelector(".notifications .alert-danger, .notifications .alert-error")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::trim).toList();
  }

  By completeButton() {
    return By.cssSelector("button[ng-click='complete()']");
  }

  boolean completeButtonEnabled() {
    return driver.findElement(completeButton()).isEnabled();
  }

  /** Switches the open task's detail tab ("Form", "History", "Diagram", "Description") as a person would. */
  void openDetailTab(String label) {
    click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)=" + xpathLiteral(label) + "]"));
    waitForIdle();
    if ("Form".equals(label)) {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
      waitForIdle();
    }
  }

  /** The text of Tasklist's notifications (toasts) once one is shown, e.g. after a refused completion. */
  String notificationText() {
    By alerts = By.cssSelector(".page-notifications .alert");
    wait.until(ExpectedConditions.visibilityOfElementLocated(alerts));
    return String.join("\n", driver.findElements(alerts).stream().filter(WebElement::isDisplayed).map(WebElement::getText).toList());
  }

  /** Opens an address of this server in the signed-in browser (e.g. a link Tasklist shows). */
  void go(String path) {
    driver.get(baseUrl + path);
    waitForIdle();
  }

  // ---------------------------------------------------------------- form-js fields (by key)

  WebElement field(String key) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  /** Fills a text field (whatever it held before, e.g. a value form-js fills in a moment later, is replaced). */
  void fillText(String key, String value) {
    replaceText(key, value);
  }

  /** Replaces whatever the field holds (a default or a carried-forward value) with this text, as select-all and typing do. */
  void replaceText(String key, String value) {
    // form-js applies typing a moment later and may re-render in between, dropping what was typed: type until it stays
    new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
      WebElement input = field(key);
      if (value.equals(input.getAttribute("value"))) {
        return true;
      }
      scrollIntoView(input);
      input.click();
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(value);
      return false; // read again at the next poll, once form-js has settled
    });
  }

  /** What a text or number field holds right now. */
  String fieldValue(String key) {
    String value = field(key).getAttribute("value");
    return value == null ? "" : value;
  }

  /** True while a field with this key is rendered and visible (form-js removes fields its conditions hide). */
  boolean isShown(String key) {
    return driver.findElements(By.cssSelector("[id$='-Field_" + key + "'], [id$='-Field_" + key + "-display'], [id*='-Field_" + key + "-']"))
        .stream().anyMatch(WebElement::isDisplayed);
  }

  /**
   * Date picker (flatpickr, input allowed): types the date as a person would and waits until the picker
   * holds that day. The picker shows M/d/yyyy (12/2/2026) whatever was typed (12/02/2026), so the shown text
   * is read back as a date, never compared as a string: the check must not depend on the day of the month.
   */
  void fillDate(String key, LocalDate date) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[id*='-Field_" + key + "']")));
    input.click();
    input.sendKeys(date.format(TYPED_DATE));
    // Tab leaves the field: flatpickr takes the typed date and closes its calendar (Escape would close the modal)
    input.sendKeys(Keys.TAB);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
    wait.until(d -> date.equals(shownDate(input.getAttribute("value"))));
  }

  /** The day a date picker shows, or null while it shows none or something else. */
  static LocalDate shownDate(String shown) {
    try {
      return shown == null ? null : LocalDate.parse(shown.trim(), SHOWN_DATE);
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }

  /**
   * Opens a select, picks the option with this label and returns every label the select offered
   * (form-js reopens a select unreliably after it was closed, so reading and picking is one gesture).
   */
  List<String> selectOption(String key, String label) {
    openDropdown(key);
    List<String> offered = driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .map(WebElement::getText).map(String::trim).toList();
    click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)=" + xpathLiteral(label) + "]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='-Field_" + key + "-display']"), label));
    closeDropdowns();
    return offered;
  }

  private void openDropdown(String key) {
    By display = By.cssSelector("[id$='-Field_" + key + "-display']");
    By items = By.cssSelector(".fjs-dropdownlist-item");
    // On a loaded machine form-js may re-render just after the form appears and swallow the click: click again
    // (only while the list is closed, a click on an open one would close it) until the list shows.
    try {
      new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
        if (d.findElements(items).stream().anyMatch(WebElement::isDisplayed)) {
          return true;
        }
        click(display);
        return false;
      });
    } catch (TimeoutException clickNotTaken) {
      // As a keyboard user does: focusing the select's input opens its list too (form-js opens it on focus).
      ((JavascriptExecutor) driver).executeScript("arguments[0].focus();",
          driver.findElement(By.cssSelector("[id$='-Field_" + key + "']")));
      wait.until(ExpectedConditions.visibilityOfElementLocated(items));
    }
  }

  private void closeDropdowns() {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist-item")));
  }

  /** A single checkbox component (Boolean). */
  void tickCheckbox(String key) {
    WebElement box = field(key);
    if (!box.isSelected()) {
      box.click();
    }
    wait.until(ExpectedConditions.elementSelectionStateToBe(box, true));
  }

  /** One option of a checklist, by the label the user reads. */
  void tickChecklistOption(String key, String label) {
    setOption(key, label, true);
  }

  /** Clicks the option until it is in the wanted state (a text area resizing above can move it away from the click). */
  private void setOption(String key, String label, boolean selected) {
    new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(d -> {
          if (optionInput(key, label).isSelected() == selected) {
            return true;
          }
          clickOption(key, label);
          return false; // the next poll (half a second later) reads the settled state before clicking again
        });
  }

  /** Unticks one option of a checklist, by the label the user reads. */
  void untickChecklistOption(String key, String label) {
    setOption(key, label, false);
  }

  /** The labels of a checklist's ticked options, as the person sees them. */
  List<String> tickedChecklistLabels(String key) {
    return driver.findElements(By.cssSelector("input[type='checkbox'][id*='-Field_" + key + "-']")).stream()
        .filter(WebElement::isSelected)
        .map(input -> driver.findElements(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).stream()
            .map(WebElement::getText).map(String::trim).findFirst()
            .orElseGet(() -> input.findElement(By.xpath("./ancestor::label[1]")).getText().trim()))
        .toList();
  }

  /** Opens a select whose options the server fills per person and picks the first one; returns its label. */
  String selectFirstOption(String key) {
    openDropdown(key);
    String label = driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).get(0).getText().trim();
    click(By.xpath("(//*[contains(@class,'fjs-dropdownlist-item')])[1]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id$='-Field_" + key + "-display']"), label));
    closeDropdowns();
    return label;
  }

  /** What a select shows as chosen (empty when nothing is). */
  String selectedLabel(String key) {
    List<WebElement> display = driver.findElements(By.cssSelector("[id$='-Field_" + key + "-display']"));
    return display.isEmpty() ? "" : display.get(0).getText().trim();
  }

  /** One radio option, by the label the user reads. */
  void chooseRadio(String key, String label) {
    // A text area above grows a moment after typing (form-js resizes it), which can move the option away from
    // where the click lands: click again until the option is chosen, as a person would.
    new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(d -> {
          if (optionInput(key, label).isSelected()) {
            return true;
          }
          clickOption(key, label);
          return optionInput(key, label).isSelected();
        });
  }

  private WebElement optionInput(String key, String label) {
    WebElement labelElement = optionLabel(key, label);
    String forId = labelElement.getAttribute("for");
    if (forId != null && !forId.isBlank()) {
      return driver.findElement(By.id(forId));
    }
    return labelElement.findElement(By.xpath(".//input"));
  }

  private void clickOption(String key, String label) {
    WebElement labelElement = optionLabel(key, label);
    scrollIntoView(labelElement);
    labelElement.click();
  }

  private WebElement optionLabel(String key, String label) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//label[contains(@for,'-Field_" + key + "-') or .//input[contains(@id,'-Field_" + key + "-')]]"
            + "[normalize-space(.)=" + xpathLiteral(label) + "]")));
  }

  /** The validation message form-js shows under one field (what the person reads), waiting for it to appear. */
  String fieldError(String key) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id$='-Field_" + key + "-error-message']"))).getText().trim();
  }

  /** Validation messages form-js shows under fields (what the person reads). */
  List<String> formErrors() {
    return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .filter(WebElement::isDisplayed).map(WebElement::getText).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  // ---------------------------------------------------------------- plumbing

  /** Waits until the document is loaded and AngularJS has no HTTP request in flight. */
  void waitForIdle() {
    wait.until((ExpectedCondition<Boolean>) d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
        "if (document.readyState !== 'complete') return false;"
            + "if (!window.angular) return true;"
            + "var el = document.querySelector('[ng-app], .ng-scope') || document.body;"
            + "var inj = window.angular.element(el).injector();"
            + "if (!inj) return true;"
            + "return inj.get('$http').pendingRequests.length === 0;")));
  }

  /**
   * Finds and clicks in one retried step: Tasklist re-renders its list (auto refresh) and animates
   * dialogs, so an element found a moment ago may be replaced or briefly covered.
   */
  private void click(By locator) {
    // What stood in the way last time, for the timeout's message (e.g. "Other element would receive the click: …").
    String[] lastObstacle = {"the element was never visible and enabled"};
    new WebDriverWait(driver, WAIT)
        .withMessage(() -> "clicking " + locator + ": " + lastObstacle[0])
        .until(d -> {
          WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
          if (element == null) {
            return false;
          }
          try {
            scrollIntoView(element);
            element.click();
            return true;
          } catch (StaleElementReferenceException | ElementClickInterceptedException obstacle) {
            lastObstacle[0] = obstacle.getMessage().lines().findFirst().orElse(obstacle.toString());
            return false;
          }
        });
  }

  private void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Closes Tasklist's toasts ("You are assigned to …"): they sit on top of the Save / Complete buttons. */
  void dismissNotifications() {
    By close = By.cssSelector(".page-notifications .alert button.close[ng-click^='removeNotification']");
    for (WebElement button : driver.findElements(close)) {
      if (button.isDisplayed()) {
        button.click();
      }
    }
    wait.until(d -> d.findElements(close).stream().noneMatch(WebElement::isDisplayed));
  }

  private void dismissModalIfOpen() {
    if (!driver.findElements(By.cssSelector(".modal-dialog")).isEmpty()) {
      driver.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    }
  }

  private By taskLink(String taskName) {
    return By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]//h4//a[normalize-space(.)=" + xpathLiteral(taskName) + "]");
  }

  private By taskLink(String taskName, String taskId) {
    return By.xpath("//ol[contains(@class,'tasks-list')]//li[contains(@class,'task')]//h4//a[normalize-space(.)=" + xpathLiteral(taskName)
        + "][contains(@href, 'task=" + taskId + "')]");
  }

  /** Scrolls the rendered form back to its top (its title and intro), e.g. before a screenshot. */
  void scrollFormToTop() {
    ((JavascriptExecutor) driver).executeScript(
        "var f = document.querySelector('.fjs-form'); if (f) f.scrollIntoView({block: 'start'});");
  }

  private static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }
}
