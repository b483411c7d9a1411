package org.bighummingbird.cli;

import org.bighummingbird.core.BhbException;
import org.bighummingbird.core.TagReference;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code name:vN} or {@code name:latest}; anything else is a usage error with the InvalidTag message. */
final class TagArgument implements ITypeConverter<TagReference> {
    @Override
    public TagReference convert(String value) {
        try {
            return TagReference.parse(value);
        } catch (BhbException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
