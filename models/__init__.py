"""The core of 安全生产月工作台: domain, store, documents. Imports no Qt."""
