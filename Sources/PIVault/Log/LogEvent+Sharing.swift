extension LogEvent.Kind {
    /// Personal information given to a recipient (PIPL Art. 21, 23, 38–39); the detail names the recipient.
    public static let transfer = LogEvent.Kind(rawValue: "transfer")
    /// An incident recorded (Art. 57).
    public static let incident = LogEvent.Kind(rawValue: "incident")
    /// Breach notices produced for an incident (Art. 57).
    public static let incidentNotice = LogEvent.Kind(rawValue: "incident-notice")
    /// An anomaly rule tripped by an actor on the access stream (Art. 51, 57).
    public static let anomalyAlert = LogEvent.Kind(rawValue: "anomaly-alert")
}
