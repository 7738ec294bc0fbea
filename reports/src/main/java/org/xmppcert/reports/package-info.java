/**
 * The report model and its writers (HTML, JSON, JUnit XML, Allure). Filled by the
 * harness issue. This module knows nothing of XMPP sockets.
 */
package org.xmppcert.reports;
