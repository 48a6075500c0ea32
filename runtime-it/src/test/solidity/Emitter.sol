// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.20;

/// @notice Emits numbered events in bulk, for the stream engine's tests against anvil.
contract Emitter {
    event Ping(uint256 indexed round, uint256 seq);
    event Pong(uint256 value);

    /// Emits Ping(round, 0) .. Ping(round, count - 1), then a Pong the stream's handlers ignore.
    function ping(uint256 round, uint256 count) external {
        for (uint256 i = 0; i < count; i++) {
            emit Ping(round, i);
        }
        emit Pong(round);
    }
}
