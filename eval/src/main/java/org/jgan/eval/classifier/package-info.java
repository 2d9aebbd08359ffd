/**
 * The small dataset classifier whose features and class probabilities the Inception-style metrics use:
 * {@link org.jgan.eval.classifier.ClassifierNetworks} builds it, {@link org.jgan.eval.classifier.ClassifierTraining}
 * trains it and {@link org.jgan.eval.classifier.SavedModelClassifier} loads a saved one.
 */
package org.jgan.eval.classifier;
