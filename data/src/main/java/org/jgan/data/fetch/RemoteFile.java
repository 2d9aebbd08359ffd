package org.jgan.data.fetch;

/**
 * One file a dataset is downloaded as.
 *
 * @param name the file name, both on the mirrors and in the dataset's folder
 * @param digest what the downloaded file must hash to
 */
public record RemoteFile(String name, Digest digest) {}
