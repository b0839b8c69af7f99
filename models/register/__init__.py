"""The companion campaign's register: 违法线索 (leads) and 曝光案例 (exposed cases), their quotas and counts."""
