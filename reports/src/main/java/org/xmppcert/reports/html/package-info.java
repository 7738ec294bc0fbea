/** {@code report.html}: one self-contained page, every piece of data escaped. */
package org.xmppcert.reports.html;
