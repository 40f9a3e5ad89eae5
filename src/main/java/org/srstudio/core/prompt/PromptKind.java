package org.srstudio.core.prompt;

/** The two prompts XPSR conditions on. */
public enum PromptKind {
    /** What the image shows (LLaVA's summary); the UNet and ControlNet cross-attend to it. */
    HIGH_LEVEL,
    /** How good the image is (a Q-Instruct answer); the ControlNet's low-level branch attends to it. */
    LOW_LEVEL
}
