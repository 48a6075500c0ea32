/**
 * Contract classes generated while the tests compile, by the chainwire annotation processor in a real Maven build:
 * typed events that tests decode and dispatch directly. The ABIs are found in each of the places a relative path is
 * looked up:
 *
 * <ul>
 *   <li>on the class path: the golden ABIs, copied to {@code target/test-classes/goldens};
 *   <li>in {@code -Achainwire.abiDirectory}, set in the pom to {@code src/test/resources/contract-abi};
 *   <li>relative to this file.
 * </ul>
 */
@ContractAbi(path = "goldens/anonymous/Anonymous.json")
@ContractAbi(path = "goldens/erc1155/ERC1155.json")
@ContractAbi(path = "goldens/erc20/ERC20.json")
@ContractAbi(path = "goldens/hello/Hello.json")
@ContractAbi(path = "goldens/keywords/Keywords.json")
@ContractAbi(path = "goldens/overloads/Overloads.json")
@ContractAbi(path = "goldens/structs/Market.json")
@ContractAbi(path = "goldens/tokens/Tokens.json")
@ContractAbi(path = "goldens/unnamed/Unnamed.json")
@ContractAbi(path = "Hello.json", name = "Greeter")
@ContractAbi(path = "../../../../resources/contract-abi/Token.json")
package io.chainwire.contracts;

import io.chainwire.annotation.ContractAbi;
