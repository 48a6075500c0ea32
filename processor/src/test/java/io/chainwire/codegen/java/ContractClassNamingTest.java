package io.chainwire.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chainwire.codegen.java.ContractClassNaming.Named;
import io.chainwire.codegen.java.ContractClassNaming.Rejected;
import org.junit.jupiter.api.Test;

/** The one rule by which the Maven plugin and the annotation processor name contract classes. */
class ContractClassNamingTest {
    @Test
    void capitalisesContractNames() {
        assertEquals(new Named("Hello"), ContractClassNaming.forContract("hello"));
        assertEquals(new Named("ERC20"), ContractClassNaming.forContract("ERC20"));
        assertEquals(new Named("Erc_20"), ContractClassNaming.forContract("erc_20"));
    }

    @Test
    void dropsCharactersJavaDoesNotAllowAndCapitalisesWhatFollows() {
        assertEquals(new Named("MyToken"), ContractClassNaming.forContract("my-token"));
        assertEquals(new Named("UniswapV3Pool"), ContractClassNaming.forContract("uniswap v3.pool"));
        assertEquals(new Named("AB"), ContractClassNaming.forContract("a$b"));
        assertEquals(new Named("GrE"), ContractClassNaming.forContract("gr\u00fc\u00dfe"));
    }

    @Test
    void prefixesALeadingDigit() {
        assertEquals(new Named("_1inch"), ContractClassNaming.forContract("1inch"));
    }

    @Test
    void appendsContractToTheNamesOfNestedTypes() {
        assertEquals(new Named("EventContract"), ContractClassNaming.forContract("Event"));
        assertEquals(new Named("EventContract"), ContractClassNaming.forContract("event"));
        assertEquals(new Named("FilterContract"), ContractClassNaming.forContract("Filter"));
        assertEquals(new Named("Events"), ContractClassNaming.forContract("Events"));
    }

    @Test
    void keepsNamesThatOnlyShadowJavaLangOrRuntimeTypes() {
        for (String name : new String[] {"Object", "Record", "String", "Builder", "Hash", "Override"}) {
            assertEquals(new Named(name), ContractClassNaming.forContract(name));
        }
    }

    @Test
    void givesNoNameWhenNothingUsableIsLeft() {
        assertEquals(
                new Rejected("contract name \"---\" has no characters usable in a Java class name"),
                ContractClassNaming.forContract("---"));
        assertEquals(
                new Rejected("contract name \"\" has no characters usable in a Java class name"),
                ContractClassNaming.forContract(""));
        assertEquals(
                new Rejected("contract name \"_\" gives the class name \"_\", which Java reserves"),
                ContractClassNaming.forContract("_"));
    }

    @Test
    void takesAChosenNameAsItIs() {
        assertEquals(new Named("token"), ContractClassNaming.forChosenName("token"));
        assertEquals(new Named("Token$V2"), ContractClassNaming.forChosenName("Token$V2"));
        assertEquals(new Named("Object"), ContractClassNaming.forChosenName("Object"));
        assertEquals(new Named("EventContract"), ContractClassNaming.forChosenName("EventContract"));
    }

    @Test
    void rejectsAChosenNameJavaForbidsForAContractClass() {
        assertEquals(new Rejected("the class name is empty"), ContractClassNaming.forChosenName(""));
        String notAnIdentifier =
                " is not a Java identifier of ASCII letters, digits, _ and $ that does not start with a digit";
        assertEquals(
                new Rejected("the class name \"my-token\"" + notAnIdentifier),
                ContractClassNaming.forChosenName("my-token"));
        assertEquals(
                new Rejected("the class name \"9lives\"" + notAnIdentifier),
                ContractClassNaming.forChosenName("9lives"));
        assertEquals(
                new Rejected("the class name \"Gr\u00fc\u00dfe\"" + notAnIdentifier),
                ContractClassNaming.forChosenName("Gr\u00fc\u00dfe"));
        assertEquals(
                new Rejected("the class name \"class\" is reserved by Java"),
                ContractClassNaming.forChosenName("class"));
        assertEquals(
                new Rejected("the class name \"record\" is reserved by Java"),
                ContractClassNaming.forChosenName("record"));
        for (String nested : new String[] {"Event", "Filter"}) {
            assertEquals(
                    new Rejected("the class name \"" + nested + "\" names a type nested in every contract class, and"
                            + " Java forbids a class to share the name of a type it holds"),
                    ContractClassNaming.forChosenName(nested));
        }
    }

    @Test
    void everyDerivedNameIsOneAChosenNameMayBe() {
        for (String contract : new String[] {"my-token", "Event", "filter", "1inch", "Object", "a$b", "x.y.z"}) {
            Named derived = (Named) ContractClassNaming.forContract(contract);
            assertEquals(derived, ContractClassNaming.forChosenName(derived.simpleName()), contract);
        }
    }
}
