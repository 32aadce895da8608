// Every suite in this target uses the shared engines and captured logs.
@_exported import PIVaultTestSupport
