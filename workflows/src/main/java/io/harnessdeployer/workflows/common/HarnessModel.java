package io.harnessdeployer.workflows.common;

import java.util.Optional;

/** A model of the picker: its Bedrock id, the label and note shown, and its output-token cap per call. */
public record HarnessModel(String id, String label, String note, int maxOutputTokens) {
  /** The catalogue's model of that id. */
  public static Optional<HarnessModel> of(String id) {
    return Names.MODELS.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** What the picker shows. */
  public String shown() {
    return label + " — " + note + " (" + id + ")";
  }
}
