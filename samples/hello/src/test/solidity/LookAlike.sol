// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @notice Emits an event named like Hello's, with another signature and so another topic 0.
contract LookAlike {
    event MessageSent(address indexed from, bytes message);

    function send(bytes calldata message) external {
        emit MessageSent(msg.sender, message);
    }
}
