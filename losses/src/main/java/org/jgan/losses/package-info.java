/**
 * GAN objectives as static graphs: an {@link org.jgan.losses.Objective} (looked up by name in
 * {@link org.jgan.losses.Objectives}, set by {@link org.jgan.losses.ObjectiveOptions}) builds an
 * {@link org.jgan.losses.ObjectiveGraph} whose {@link org.jgan.losses.TrainPhase}s each update one network;
 * {@link org.jgan.losses.Gan}, {@link org.jgan.losses.WganGp}, {@link org.jgan.losses.Ebgan},
 * {@link org.jgan.losses.Bgan} and {@link org.jgan.losses.AlphaGan} are the objectives.
 */
package org.jgan.losses;
