package io.omnireach.jobs.usage;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The test's handle on the job inside the Arquillian server: start (or resume) it the way the app's
 * scheduler does, read an execution's status, and arm the crash switch.
 */
@WebServlet("/control")
public class JobControlServlet extends HttpServlet {

  @Inject UsageReportJobs jobs;

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String answer =
        switch (req.getParameter("do")) {
          case "start" -> Long.toString(jobs.startOrResume());
          case "crash-after-sends" -> {
            CrashSwitch.reset();
            CrashSwitch.failAfterSends = Integer.parseInt(req.getParameter("n"));
            yield "armed";
          }
          case "crash-before-sending" -> {
            CrashSwitch.reset();
            CrashSwitch.failBeforeSending = true;
            yield "armed";
          }
          case "no-crash" -> {
            CrashSwitch.reset();
            yield "disarmed";
          }
          default -> "?";
        };
    resp.setContentType("text/plain");
    resp.getWriter().write(answer);
  }

  /** {@code ?execution=<id>} → "<status> <instance id> <exit status>". */
  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    var operator = BatchRuntime.getJobOperator();
    long id = Long.parseLong(req.getParameter("execution"));
    JobExecution e = operator.getJobExecution(id);
    long instance = operator.getJobInstance(id).getInstanceId();
    resp.setContentType("text/plain");
    resp.getWriter().write(e.getBatchStatus() + " " + instance + " " + e.getExitStatus());
  }
}
