// The fill-in marker, apart from the markdown parser: `deploylint strategy` imports it (and the
// section contract) without loading micromark.

/** The fill-in marker `deploylint strategy` writes where only a person can say what is true. */
export const FILL_IN_COMMENT = "<!-- deploylint: fill in -->";

/** The marker as read: spacing and "fill-in" vary when people edit around it. */
export const FILL_IN_MARKER = /<!--\s*deploylint:\s*fill[ -]in\s*-->/i;
