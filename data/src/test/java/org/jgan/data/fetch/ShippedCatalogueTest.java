package org.jgan.data.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped digests against the real files: the project's datasets folder (JGAN_DATA, which CI
 * sets) is served from 127.0.0.1 as a user mirror and fetched with the standard catalogue.
 */
class ShippedCatalogueTest {
  @TempDir
  Path target;

  @Test
  void theProjectsDatasetsFetchAndVerifyWithTheShippedDigests() throws IOException {
    String env = System.getenv("JGAN_DATA");
    Assumptions.assumeTrue(env != null && !env.isBlank(), "JGAN_DATA is not set");
    Path source = Path.of(env);
    DatasetCatalogue catalogue = DatasetCatalogue.standard();
    try (TestMirror mirror = new TestMirror()) {
      for (String name : List.of("mnist", "fashion", "text")) {
        KnownDataset dataset = catalogue.named(name);
        for (RemoteFile file : dataset.downloads()) {
          Path copy = source.resolve(dataset.folder()).resolve(file.name());
          assertTrue(Files.isRegularFile(copy), "JGAN_DATA=" + env + " lacks " + copy);
          mirror.serve(dataset.folder() + "/" + file.name(), Files.readAllBytes(copy));
        }
        new DatasetFetcher(target, MirrorList.of(List.of(mirror.url()), null), new HttpDownloader(), DownloadProgress.QUIET)
            .fetch(dataset);
        DatasetStatus status = DatasetInspector.inspect(target, dataset);
        assertEquals(DatasetStatus.State.VERIFIED, status.state(), name + ": " + status.problems());
      }
      // The project's folder itself, never fetched by jgan, verifies too (no manifest needed), and a
      // fetch into it (read-only here) writes nothing and asks no mirror.
      assertEquals(DatasetStatus.State.VERIFIED, DatasetInspector.inspect(source, catalogue.named("mnist")).state());
      int requests = mirror.requests().size();
      DatasetFetcher.Outcome again = new DatasetFetcher(source, MirrorList.of(List.of(mirror.url()), null),
          new HttpDownloader(), DownloadProgress.QUIET).fetch(catalogue.named("mnist"));
      assertEquals(4, again.alreadyPresent());
      assertEquals(requests, mirror.requests().size());
    }
  }

  @Test
  void everyDatasetOutsideThisRepositoryHasAPublicMirrorButTheTextCorpus() {
    for (KnownDataset dataset : DatasetCatalogue.standard().all()) {
      assertEquals(dataset.name().equals("text"), dataset.mirrors().isEmpty(), dataset.name());
      assertEquals(dataset.mirrors().isEmpty(), dataset.noMirrorReason() != null, dataset.name());
    }
  }
}
