/**
 * The HTML experiment report: {@link org.jgan.tools.report.HtmlPage} lays out a self-contained page and
 * {@link org.jgan.tools.report.Html} escapes text for it.
 */
package org.jgan.tools.report;
