package org.srstudio.engine.graph;

import java.util.List;
import java.util.Objects;

/**
 * One node of a feed-forward SR network, naming its input and output blobs. Both the ncnn reader and the
 * state-dict architectures (RRDBNet, SRVGGNetCompact) build these, so one runner executes all weight formats.
 * Blobs are NCHW float tensors.
 */
public sealed interface Op {
    List<String> inputs();

    List<String> outputs();

    /** Activation fused after a convolution. */
    sealed interface Activation {
    }

    record NoActivation() implements Activation {
    }

    record Relu() implements Activation {
    }

    record LeakyRelu(float slope) implements Activation {
    }

    /** Per-channel slopes; one slope means shared. */
    record PRelu(float[] slopes) implements Activation {
    }

    /** 2-D convolution; weight is (out, in/groups, kh, kw); bias may be null. Padding is symmetric zero padding. */
    record Conv2d(String input, String output, Tensor weight, float[] bias, int stride, int padH, int padW,
                  int dilation, int groups, Activation activation) implements Op {
        public Conv2d {
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(activation, "activation");
            if (weight.rank() != 4) {
                throw new IllegalArgumentException("Convolution weight must be 4-D");
            }
        }

        public List<String> inputs() {
            return List.of(input);
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }

    /** A standalone activation. */
    record Activate(String input, String output, Activation activation) implements Op {
        public List<String> inputs() {
            return List.of(input);
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }

    /** Concatenation along channels. */
    record Concat(List<String> inputs, String output) implements Op {
        public Concat {
            inputs = List.copyOf(inputs);
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }

    /** Weighted sum of same-shaped inputs: Σ coeffs[i]·inputs[i]; coeffs null means all ones. */
    record Sum(List<String> inputs, String output, float[] coeffs) implements Op {
        public Sum {
            inputs = List.copyOf(inputs);
            if (coeffs != null && coeffs.length != inputs.size()) {
                throw new IllegalArgumentException("One coefficient per input is needed");
            }
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }

    /** Element-wise binary op between two blobs, or a blob and a scalar when {@code right} is null. */
    record Binary(String left, String right, float scalar, Kind kind, String output) implements Op {
        public enum Kind { ADD, SUB, MUL, DIV, MAX, MIN, RSUB, RDIV }

        public List<String> inputs() {
            return right == null ? List.of(left) : List.of(left, right);
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }

    /** Resize by an integer factor. */
    record Upsample(String input, String output, int factor, Mode mode) implements Op {
        public enum Mode { NEAREST, BILINEAR, BICUBIC }

        public List<String> inputs() {
            return List.of(input);
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }

    /**
     * Resize by a fractional factor (e.g. the ×0.5 bicubic tail of realesr-animevideov3-x2), output size
     * floor(input × factor); half-pixel sampling, edges clamped, no antialiasing, as ncnn's Interp.
     */
    record Resize(String input, String output, double factor, Upsample.Mode mode) implements Op {
        public Resize {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("Resize factor must be positive, got " + factor);
            }
        }

        public List<String> inputs() {
            return List.of(input);
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }

    /** Depth-to-space as torch.nn.PixelShuffle. */
    record PixelShuffle(String input, String output, int factor) implements Op {
        public List<String> inputs() {
            return List.of(input);
        }

        public List<String> outputs() {
            return List.of(output);
        }
    }
}
