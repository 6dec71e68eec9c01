package dev.ferry.template;

/** How a description template is written: plain text (turned into ADF paragraphs) or an ADF JSON document. */
public enum DescriptionFormat {
    TEXT, ADF
}
