/**
 * Downloading and checking the datasets jgan reads: {@link org.jgan.data.fetch.DatasetFetcher} fetches a
 * {@link org.jgan.data.fetch.KnownDataset} from mirrors with resumed transfers and digest checks,
 * {@link org.jgan.data.fetch.DatasetInspector} reports and verifies what a data folder holds, and
 * {@link org.jgan.data.fetch.DataDirectory} says which folder that is.
 */
package org.jgan.data.fetch;
