package org.nivaran.grievance.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.nivaran.grievance.notify.Notification;

/** Issue 15: a notifier's failure is stored and logged with the recipient's number and name masked. */
class LastErrorTest {
  private static final Notification TO_SUNITA = OutboxFixtures.citizenMessage(1); // +919876543210, सुनीता देवी

  @Test
  void the_stored_text_masks_the_recipient_before_it_is_cut() {
    assertThat(LastError.text("gateway refused 919876543210 (सुनीता देवी): not on WhatsApp", TO_SUNITA))
        .isEqualTo("gateway refused +91******3210 (सु. दे.): not on WhatsApp");
    assertThat(LastError.text("x".repeat(995) + " 98765 43210", TO_SUNITA))
        .hasSize(LastError.MAX_LENGTH)
        .doesNotContain("98765");
    assertThat(LastError.text(null, TO_SUNITA)).isEqualTo("(no message)");
  }

  @Test
  void the_logged_exception_keeps_types_traces_causes_and_suppressed_with_every_message_masked() {
    IOException cause = new IOException("सुनीता देवी unreachable at +91 98765 43210");
    cause.addSuppressed(new IllegalStateException("retry to 9876543210 failed"));
    IllegalStateException thrown = new IllegalStateException("socket closed sending to +919876543210", cause);

    Throwable logged = LastError.forLog(thrown, TO_SUNITA);
    StringWriter trace = new StringWriter();
    logged.printStackTrace(new PrintWriter(trace));

    assertThat(logged).hasToString("java.lang.IllegalStateException: socket closed sending to +91******3210");
    assertThat(logged.getStackTrace()).isEqualTo(thrown.getStackTrace());
    assertThat(trace.toString())
        .contains("Caused by: java.io.IOException: सु. दे. unreachable at +91******3210")
        .contains("Suppressed: java.lang.IllegalStateException: retry to +91******3210 failed")
        .doesNotContain("9876543210", "98765 43210", "सुनीता", "देवी");
    assertThat(LastError.forLog(null, TO_SUNITA)).isNull();
  }
}
