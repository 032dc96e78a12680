package io.foothold.values;

import java.util.List;

import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializerFactory;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The engine's variable serializers, each checking {@link InputLimits} before it writes a value, and storing
 * objects as JSON ({@link JsonObjectValues}). Every variable write passes here (the engine picks a serializer for
 * each value it stores: decision results, listeners and delegates as much as forms), so the limits and the format
 * hold for forms, the REST variables endpoints and the Java API alike, and a refused value stops the command before
 * anything is flushed. Reading (by serializer name) is untouched.
 */
final class LimitedVariableSerializers implements VariableSerializers {

  private final VariableSerializers engine;
  private final InputLimits limits;

  LimitedVariableSerializers(VariableSerializers engine, InputLimits limits) {
    this.engine = engine;
    this.limits = limits;
  }

  @Override
  public TypedValueSerializer<?> findSerializerForValue(TypedValue value, VariableSerializerFactory fallback) {
    return limited(JsonObjectValues.preferJson(value, engine.findSerializerForValue(value, fallback), engine.getSerializers()));
  }

  @Override
  public TypedValueSerializer<?> findSerializerForValue(TypedValue value) {
    return limited(JsonObjectValues.preferJson(value, engine.findSerializerForValue(value), engine.getSerializers()));
  }

  @Override
  public TypedValueSerializer<?> getSerializerByName(String name) {
    return engine.getSerializerByName(name);
  }

  @Override
  public VariableSerializers addSerializer(TypedValueSerializer<?> serializer) {
    engine.addSerializer(serializer);
    return this;
  }

  @Override
  public VariableSerializers addSerializer(TypedValueSerializer<?> serializer, int index) {
    engine.addSerializer(serializer, index);
    return this;
  }

  @Override
  public VariableSerializers removeSerializer(TypedValueSerializer<?> serializer) {
    engine.removeSerializer(serializer);
    return this;
  }

  @Override
  public int getSerializerIndex(TypedValueSerializer<?> serializer) {
    return engine.getSerializerIndex(serializer);
  }

  @Override
  public int getSerializerIndexByName(String name) {
    return engine.getSerializerIndexByName(name);
  }

  /** A process application's own serializers joined in: still limited. */
  @Override
  public VariableSerializers join(VariableSerializers other) {
    return new LimitedVariableSerializers(engine.join(other), limits);
  }

  @Override
  public List<TypedValueSerializer<?>> getSerializers() {
    return engine.getSerializers();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypedValueSerializer<?> limited(TypedValueSerializer<?> serializer) {
    return serializer == null ? null : new Limited(serializer, limits);
  }

  /** One serializer with the limits in front of its write (and plain lists and maps written as JSON of their raw type). */
  private record Limited<T extends TypedValue>(TypedValueSerializer<T> serializer, InputLimits limits) implements TypedValueSerializer<T> {

    @Override
    @SuppressWarnings("unchecked")
    public void writeValue(T value, ValueFields fields) {
      limits.check(fields.getName(), value);
      serializer.writeValue(JsonObjectValues.storesJsonObjects(serializer) ? (T) JsonObjectValues.asStored(value) : value, fields);
    }

    @Override
    public String getName() {
      return serializer.getName();
    }

    @Override
    public ValueType getType() {
      return serializer.getType();
    }

    @Override
    public T readValue(ValueFields fields, boolean deserialize, boolean asTransientValue) {
      return serializer.readValue(fields, deserialize, asTransientValue);
    }

    @Override
    public boolean canHandle(TypedValue value) {
      return serializer.canHandle(value);
    }

    @Override
    public T convertToTypedValue(UntypedValueImpl untypedValue) {
      return serializer.convertToTypedValue(untypedValue);
    }

    @Override
    public String getSerializationDataformat() {
      return serializer.getSerializationDataformat();
    }

    @Override
    public boolean isMutableValue(T value) {
      return serializer.isMutableValue(value);
    }
  }
}
