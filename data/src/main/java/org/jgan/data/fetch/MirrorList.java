package org.jgan.data.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The user's own mirrors (from {@code --mirror} and {@code JGAN_MIRRORS}), tried before a
 * dataset's public ones. A user mirror is laid out like the data folder: it serves
 * {@code MIRROR/mnist/train-images-idx3-ubyte.gz}, {@code MIRROR/text/fortunes.txt}, ...
 */
public final class MirrorList {
  /** The environment variable holding space-separated mirror URLs. */
  public static final String VARIABLE = "JGAN_MIRRORS";

  private final List<URI> userMirrors;

  private MirrorList(List<URI> userMirrors) {
    this.userMirrors = List.copyOf(userMirrors);
  }

  /**
   * The flags' mirrors, then those of {@code JGAN_MIRRORS} (space-separated); each must be an
   * http(s) URL, else an IllegalArgumentException naming where it came from.
   */
  public static MirrorList of(List<String> flags, String environment) {
    List<URI> mirrors = new ArrayList<>();
    for (String flag : flags) {
      mirrors.add(parse(flag, "--mirror"));
    }
    if (environment != null) {
      for (String value : Arrays.stream(environment.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()) {
        mirrors.add(parse(value, VARIABLE));
      }
    }
    return new MirrorList(mirrors);
  }

  /** True when the user named at least one mirror. */
  public boolean hasUserMirrors() {
    return !userMirrors.isEmpty();
  }

  /** Where to look for {@code file} of {@code dataset}, in order: the user's mirrors, then the public ones. */
  public List<URI> candidates(KnownDataset dataset, RemoteFile file) {
    List<URI> urls = new ArrayList<>();
    for (URI mirror : userMirrors) {
      urls.add(mirror.resolve(dataset.folder() + "/" + file.name()));
    }
    for (String base : dataset.mirrors()) {
      urls.add(URI.create(base).resolve(file.name()));
    }
    return urls;
  }

  private static URI parse(String value, String origin) {
    try {
      URI uri = new URI(value.endsWith("/") ? value : value + "/");
      if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
          || uri.getHost() == null) {
        throw new IllegalArgumentException(origin + " '" + value + "': not an http:// or https:// URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(origin + " '" + value + "': not a URL (" + e.getReason() + ")");
    }
  }
}
