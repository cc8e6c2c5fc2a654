//! Tick spacing and number formatting (being written).
