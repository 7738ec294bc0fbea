/** {@code allure-results/}: one Allure result per scenario, requirement ids and spec sections as labels and links. */
package org.xmppcert.reports.allure;
