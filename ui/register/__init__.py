"""线索曝光 tab: the companion campaign's register of leads and exposed cases."""
