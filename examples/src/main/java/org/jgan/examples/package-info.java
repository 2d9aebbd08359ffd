/**
 * Short programs that use jgan as a library, compiled and run by the tests:
 * {@link org.jgan.examples.LibraryExample} builds networks, an objective and the stock trainer,
 * draws samples, scores them and exports a SavedModel.
 */
package org.jgan.examples;
