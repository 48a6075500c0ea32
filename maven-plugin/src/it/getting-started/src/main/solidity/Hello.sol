// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @notice The seed example: anyone can send a message, and every message is an event.
contract Hello {
    event MessageSent(address indexed from, string message);

    function send(string calldata message) external {
        emit MessageSent(msg.sender, message);
    }
}
