/**
 * The report of a run and its writers: {@link org.xmppcert.reports.ReportWriters#writeAll}
 * writes {@code report.json} ({@link org.xmppcert.reports.json}), {@code report.html}
 * ({@link org.xmppcert.reports.html}), {@code junit.xml} ({@link org.xmppcert.reports.junit}) and
 * {@code allure-results/} ({@link org.xmppcert.reports.allure}) from a
 * {@link org.xmppcert.reports.model.Report}. This module knows nothing of XMPP sockets; the data
 * it receives is already redacted, and the writers add nothing secret.
 */
package org.xmppcert.reports;
