package nl.doelbinding.server.residents;

import java.util.List;
import nl.doelbinding.engine.model.FieldName;

/**
 * The fields of the baseline catalogue ({@code rules/baseline/catalogue/fields.yaml}) in catalogue order:
 * the columns of the {@code residents} table ({@code V2__residents.sql}) and what the synthetic register fills.
 */
public final class RegisterFields {
    public static final FieldName NAME = new FieldName("name");
    public static final FieldName DATE_OF_BIRTH = new FieldName("date_of_birth");
    public static final FieldName SEX = new FieldName("sex");
    public static final FieldName V_NUMBER = new FieldName("v_number");
    public static final FieldName NATIONALITY = new FieldName("nationality");
    public static final FieldName CURRENT_LOCATION = new FieldName("current_location");
    public static final FieldName ROOM = new FieldName("room");
    public static final FieldName PHONE = new FieldName("phone");
    public static final FieldName ARRIVAL_DATE = new FieldName("arrival_date");
    public static final FieldName DEPARTURE_STATUS = new FieldName("departure_status");
    public static final FieldName DEPARTURE_DATE = new FieldName("departure_date");
    public static final FieldName FAMILY_COMPOSITION = new FieldName("family_composition");
    public static final FieldName REPORTING_DUTY = new FieldName("reporting_duty");
    public static final FieldName HEALTH = new FieldName("health");
    public static final FieldName ETHNICITY = new FieldName("ethnicity");
    public static final FieldName RELIGION = new FieldName("religion");
    public static final FieldName SEXUAL_ORIENTATION = new FieldName("sexual_orientation");
    public static final FieldName INCIDENT_REPORTS = new FieldName("incident_reports");
    public static final FieldName PHOTO = new FieldName("photo");
    public static final FieldName FINGERPRINTS = new FieldName("fingerprints");

    /** Every baseline field, in catalogue order. */
    public static final List<FieldName> ALL = List.of(NAME, DATE_OF_BIRTH, SEX, V_NUMBER, NATIONALITY,
            CURRENT_LOCATION, ROOM, PHONE, ARRIVAL_DATE, DEPARTURE_STATUS, DEPARTURE_DATE, FAMILY_COMPOSITION,
            REPORTING_DUTY, HEALTH, ETHNICITY, RELIGION, SEXUAL_ORIENTATION, INCIDENT_REPORTS, PHOTO, FINGERPRINTS);

    /** The table created by {@code V2__residents.sql}; its key column is {@code v_number}. */
    public static final String TABLE = "residents";
    public static final String KEY_COLUMN = "v_number";

    private RegisterFields() {
    }
}
