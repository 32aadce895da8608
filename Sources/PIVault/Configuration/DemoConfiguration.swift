/// The demo configuration `pivault init` writes: pandemic-era processing by a
/// city health commission, with the standards, purposes and roles that work needed.
public enum DemoConfiguration {
    /// The YAML text.
    public static let yaml = """
    # pivault configuration — demo: pandemic-era processing by a city health commission.
    # Check it with `pivault config check pivault.yaml`.
    version: 1

    handler:
      name: Demo City Health Commission (示例市卫生健康委员会)
      contact: privacy@health.example.cn, +86 10 1234 5678
      officer: pipo@health.example.cn

    # GB/T 35273 categories are built in (basic, contact, identity, health, location, minor, ...).
    # Add your own here; each must say whether it is sensitive (PIPL Art. 28).
    categories:
      - id: vaccination
        name: Vaccination records
        name_zh: 疫苗接种记录
        sensitive: true

    standards:
      - id: epidemic-registration
        title: Epidemic registration (疫情登记)
        fields:
          - { name: name, type: text, category: basic, required: true }
          - { name: resident_id, type: resident-id, category: identity, required: true }
          - { name: mobile, type: mobile, category: contact, required: true }
          - { name: address, type: text, category: basic }
          - { name: date_of_birth, type: date, category: basic }
          - { name: health_declaration, type: text, category: health }
          - name: vaccination_status
            type: enum
            values: [none, partial, full, booster]
            category: vaccination
          - { name: travel_history, type: list, category: location }

      - id: venue-checkin
        title: Venue check-in (场所码登记)
        fields:
          - { name: visitor_code, type: text, category: pseudonymous, required: true }
          - { name: venue, type: text, category: location, required: true }
          - { name: checked_in_at, type: datetime, category: location, required: true }

    purposes:
      - id: contact-tracing
        title: Contact tracing (流行病学调查)
        description: Find and notify close contacts of confirmed cases during a declared outbreak.
        basis: public-health-emergency
        standards: [epidemic-registration, venue-checkin]
        fields: [name, mobile, resident_id, address, health_declaration, travel_history, visitor_code, venue, checked_in_at]
        masked: [resident_id]
        retention: 180d
        emergency_grace: 30d
        method: Registration at checkpoints and venue code scans, stored encrypted per person
        necessary: true
        necessity: Tracing contacts needs where a person was and how to reach them while an outbreak lasts.
        impact: Location and health data can expose a person's movements and health; it is kept only for the outbreak.

      - id: vaccination-record
        title: Vaccination record (疫苗接种记录)
        description: Keep the statutory record of vaccinations given.
        basis: statutory-duty
        standards: [epidemic-registration]
        fields: [name, resident_id, date_of_birth, vaccination_status]
        retention: 5y
        necessary: true
        necessity: The Vaccine Administration Law requires a record of each vaccination.
        impact: Vaccination status is health information; it is shown only to clinic staff.

      - id: service-newsletter
        title: Service newsletter (服务通知)
        description: Send optional health-service news by text message.
        basis: consent
        standards: [epidemic-registration]
        fields: [name, mobile]
        masked: [name]
        retention: 1y
        necessary: false

    roles:
      - { id: epidemiologist, purposes: [contact-tracing] }
      - { id: clinic-staff, purposes: [vaccination-record] }
      - { id: support, purposes: [service-newsletter] }
      - { id: admin, purposes: [], administrator: true }

    """
}
