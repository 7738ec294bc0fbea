package org.xmppcert.xmpp.disco;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.xmppcert.xmpp.session.ProtocolViolationException;
import org.xmppcert.xmpp.xml.Element;

/**
 * A data form ({@code <x xmlns='jabber:x:data'/>}, XEP-0004) as far as XEP-0128 Service
 * Discovery Extensions uses it: a {@code result} form whose hidden {@code FORM_TYPE} field names
 * what the other fields mean, carried inside a disco#info result and hashed into the XEP-0115
 * {@code ver} (XEP-0115 §5.1 steps 6–7, §5.3).
 *
 * <p>Only what those two specifications read is modelled: the form type, and each field's
 * {@code var}, {@code type}, {@code label} and values. Instructions, titles, options and
 * reported/item tables are not kept. The field list keeps duplicates and document order, so that
 * the XEP-0115 §5.4 validation can see what the peer really sent.
 *
 * @param type the form's {@code type} attribute ({@code result} for XEP-0128), or {@code null}
 * @param fields the fields in document order
 */
public record DataForm(String type, List<Field> fields) {

    /** The jabber:x:data namespace (XEP-0004). */
    public static final String NAMESPACE = "jabber:x:data";

    /** The field naming the form's meaning (XEP-0068, used by XEP-0128 and XEP-0115 §5.1 step 6). */
    public static final String FORM_TYPE = "FORM_TYPE";

    /**
     * A form field.
     *
     * @param var the field name, or {@code null} (a {@code fixed} field may have none)
     * @param type the field type, e.g. {@code hidden} or {@code text-multi}, or {@code null}
     * @param label the human-readable label, or {@code null}
     * @param values the {@code <value/>} contents in document order
     */
    public record Field(String var, String type, String label, List<String> values) {
        public Field {
            values = List.copyOf(values);
        }

        /** A field with a var and values, without type or label. */
        public static Field of(String var, String... values) {
            return new Field(Objects.requireNonNull(var, "var"), null, null, List.of(values));
        }

        /** The first value, if any. */
        public Optional<String> value() {
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        Element toElement() {
            Element.Builder b = Element.builder("field", NAMESPACE);
            if (var != null) {
                b.attribute("var", var);
            }
            if (type != null) {
                b.attribute("type", type);
            }
            if (label != null) {
                b.attribute("label", label);
            }
            for (String v : values) {
                b.childWithText("value", NAMESPACE, v);
            }
            return b.build();
        }
    }

    public DataForm {
        fields = List.copyOf(fields);
    }

    /** Starts a {@code result} form with a hidden {@code FORM_TYPE}, as XEP-0128 forms are. */
    public static Builder result(String formType) {
        return new Builder(formType);
    }

    /** Whether the element is a data form. */
    public static boolean isForm(Element e) {
        return e.is("x", NAMESPACE);
    }

    /**
     * Reads a {@code <x xmlns='jabber:x:data'/>} element.
     *
     * @throws ProtocolViolationException if it is not one
     */
    public static DataForm parse(Element x) throws ProtocolViolationException {
        if (!isForm(x)) {
            throw new ProtocolViolationException("not a data form (XEP-0004): <" + x.qualifiedName() + "/> in "
                    + x.namespace(), x);
        }
        List<Field> fields = new ArrayList<>();
        for (Element f : x.elements("field", NAMESPACE)) {
            List<String> values = new ArrayList<>();
            for (Element v : f.elements("value", NAMESPACE)) {
                values.add(v.text());
            }
            fields.add(new Field(f.attribute("var"), f.attribute("type"), f.attribute("label"), values));
        }
        return new DataForm(x.attribute("type"), fields);
    }

    /** The fields with this var, in document order (more than one is a malformed form). */
    public List<Field> fields(String var) {
        return fields.stream().filter(f -> var.equals(f.var())).toList();
    }

    /** The first field with this var. */
    public Optional<Field> field(String var) {
        return fields.stream().filter(f -> var.equals(f.var())).findFirst();
    }

    /** The first field named {@code FORM_TYPE}, whatever its type. */
    public Optional<Field> formTypeField() {
        return field(FORM_TYPE);
    }

    /** The first value of the {@code FORM_TYPE} field, if the form has one. */
    public Optional<String> formType() {
        return formTypeField().flatMap(Field::value);
    }

    /** Whether the form has a {@code FORM_TYPE} field of type {@code hidden} (XEP-0115 §5.4 rule 3.6). */
    public boolean hasHiddenFormType() {
        return formTypeField().map(f -> "hidden".equals(f.type())).orElse(false);
    }

    /** The form as XML. */
    public Element toElement() {
        Element.Builder b = Element.builder("x", NAMESPACE);
        if (type != null) {
            b.attribute("type", type);
        }
        for (Field f : fields) {
            b.child(f.toElement());
        }
        return b.build();
    }

    /** Builds a XEP-0128 form: {@code type='result'}, a hidden {@code FORM_TYPE} first. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        private Builder(String formType) {
            fields.add(new Field(FORM_TYPE, "hidden", null, List.of(Objects.requireNonNull(formType, "formType"))));
        }

        /** Adds a field with one or more values and no type. */
        public Builder field(String var, String... values) {
            fields.add(Field.of(var, values));
            return this;
        }

        /** Adds a field with a type, e.g. {@code text-multi} for several values. */
        public Builder typedField(String var, String type, String... values) {
            fields.add(new Field(Objects.requireNonNull(var, "var"), type, null, List.of(values)));
            return this;
        }

        public DataForm build() {
            return new DataForm("result", fields);
        }
    }
}
