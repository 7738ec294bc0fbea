/** {@code report.json}: the report as data, written and read back with one Jackson configuration. */
package org.xmppcert.reports.json;
