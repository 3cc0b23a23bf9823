/**
 * A {@link org.nivaran.grievance.notify.Notifier} for HTTP messaging gateways:
 * {@link org.nivaran.grievance.examples.http.HttpNotifier} posts each notification as one JSON
 * request shaped like the WhatsApp Business Cloud API or an SMS gateway, on
 * {@link java.net.http.HttpClient} alone, and maps the answer to a delivery, a temporary failure
 * (time-outs, 429, 5xx) or a permanent one (other 4xx). Its tests run the kit's
 * {@code NotifierContract} against it with a stub gateway; copy it as the start of your own adapter.
 */
package org.nivaran.grievance.examples.http;
