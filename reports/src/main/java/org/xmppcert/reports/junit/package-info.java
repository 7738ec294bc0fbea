/** {@code junit.xml}: one test case per scenario, for Jenkins, GitLab and other CI systems. */
package org.xmppcert.reports.junit;
