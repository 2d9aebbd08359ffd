/**
 * The {@code jgan} command line: {@link org.jgan.tools.Jgan} is the entry point, which dispatches to the
 * commands in {@link org.jgan.tools.cli}.
 */
package org.jgan.tools;
