/**
 * Progress lines for long commands: the one {@link org.jgan.tools.progress.ProgressReporter} starts
 * {@link org.jgan.tools.progress.ProgressTask}s, redrawn in place on a terminal and printed as plain lines
 * elsewhere; {@link org.jgan.tools.progress.TerminalProgress} reports downloads through it.
 */
package org.jgan.tools.progress;
